package org.bianmin.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    private final List<String> said = new ArrayList<>();
    /** The UI executor: records that a callback came through it, then runs it. */
    private final Executor ui = r -> {
        said.add("on ui");
        r.run();
    };

    @Test
    void theResultGoesToOnResultThroughTheUiExecutor() {
        Background.run(Runnable::run, ui, () -> 42, r -> said.add("result " + r), e -> said.add("failure " + e));
        assertThat(said).containsExactly("on ui", "result 42");
    }

    @Test
    void aStepThatThrowsReachesOnFailureThroughTheUiExecutorAndNeverOnResult() {
        Background.run(Runnable::run, ui, () -> {
            throw new IllegalStateException("database closed");
        }, r -> said.add("result " + r), e -> said.add("failure " + e.getMessage()));
        assertThat(said).containsExactly("on ui", "failure database closed");
    }

    @Test
    void aCheckedExceptionIsAFailureToo() {
        Background.run(Runnable::run, ui, () -> {
            throw new java.io.IOException("disk gone");
        }, r -> said.add("result " + r), e -> said.add("failure " + e.getClass().getSimpleName()));
        assertThat(said).containsExactly("on ui", "failure IOException");
    }

    @Test
    void aWorkerThatHasShutDownRunsNothingAndThrowsNothingAtTheCaller() {
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        Executor refusing = r -> {
            throw new RejectedExecutionException("shut down");
        };
        assertThatNoException().isThrownBy(() -> {
            Background.run(refusing, ui, () -> 1, r -> said.add("result"), e -> said.add("failure"));
            assertThat(Background.submit(closed, ui, () -> 1, r -> said.add("result"), e -> said.add("failure"))
                    .isDone()).isTrue();
        });
        assertThat(said).isEmpty();
    }
}
