package org.bianmin.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;

class LoggingConfigTest {

    @TempDir
    Path logs;

    @ParameterizedTest
    @ValueSource(strings = {"logback.xml", "logback-production.xml"})
    void configurationsLoadWithoutErrors(String resource) throws Exception {
        LoggerContext context = load(resource);
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .noneMatch(s -> s.getEffectiveLevel() >= Status.WARN);
        context.stop();
    }

    @Test
    void productionWritesARotatingFileInTheDataDirectory() throws Exception {
        LoggerContext context = load("logback-production.xml");
        Logger log = context.getLogger("test");
        log.info("kiosk started");
        context.stop();
        assertThat(Files.readString(logs.resolve("kiosk.log"))).contains("INFO", "kiosk started");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs.resolve("kiosk.log"))))
                .as("owner-only whatever the umask").isEqualTo("rw-------");
    }

    @Test
    void optionsChooseConsoleForDevelopmentAndFileForProduction() {
        // The demo is its own launcher (kiosk-demo), which always logs to the console; the kiosk knows no --demo.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KioskOptions.parse("--demo"))
                .isInstanceOf(picocli.CommandLine.UnmatchedArgumentException.class);
        assertThat(KioskOptions.parse("--windowed").production()).isFalse();
        assertThat(KioskOptions.parse().production()).isTrue();
    }

    private LoggerContext load(String resource) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.putProperty("kiosk.log.dir", logs.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getClassLoader().getResource(resource));
        context.start();
        return context;
    }
}
