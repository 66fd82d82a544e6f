package org.bianmin.kiosk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a view-model works off the FX thread: {@code work} on a worker, then exactly one of
 * {@code onResult} (its value) or {@code onFailure} (the exception it threw) on the UI executor. Every failure is
 * logged here, so no step needs a catch of its own to keep its screen from staying "busy": {@code onFailure} takes
 * the screen out of busy and says so. Errors ({@link OutOfMemoryError}, …) are not caught: they reach the default
 * uncaught-exception handler.
 * A worker that refuses the task is shutting down with the kiosk: the refusal is logged and neither callback runs
 * (nothing is left to show it on).
 */
public final class Background {

    private static final Logger log = LoggerFactory.getLogger(Background.class);

    private Background() {}

    /** Runs {@code work} on {@code worker}; its answer goes to {@code onResult} or {@code onFailure} on {@code ui}. */
    public static <T> void run(Executor worker, Executor ui, Callable<? extends T> work, Consumer<? super T> onResult,
                               Consumer<? super Exception> onFailure) {
        try {
            worker.execute(step(ui, work, onResult, onFailure));
        } catch (RejectedExecutionException e) {
            log.debug("background step not run: its worker has shut down", e);
        }
    }

    /** The same, cancellable through the returned future (a device read the screen stops when left). */
    public static <T> Future<?> submit(ExecutorService worker, Executor ui, Callable<? extends T> work,
                                       Consumer<? super T> onResult, Consumer<? super Exception> onFailure) {
        try {
            return worker.submit(step(ui, work, onResult, onFailure));
        } catch (RejectedExecutionException e) {
            log.debug("background step not run: its worker has shut down", e);
            return CompletableFuture.completedFuture(null);
        }
    }

    private static <T> Runnable step(Executor ui, Callable<? extends T> work, Consumer<? super T> onResult,
                                     Consumer<? super Exception> onFailure) {
        return () -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                log.warn("background step failed", e);
                ui.execute(() -> onFailure.accept(e));
                return;
            }
            ui.execute(() -> onResult.accept(result));
        };
    }
}
