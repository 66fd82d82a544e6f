package org.bianmin.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bianmin.kiosk.admin.Pins;
import org.bianmin.kiosk.config.AdminConfig;
import org.bianmin.kiosk.config.ConfigStore;
import org.bianmin.kiosk.config.DataDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** kioskctl pin set/status with the PIN typed twice on stdin, on a real data directory. */
class PinCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final InputStream stdin = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    private int pin(String input, String... args) {
        console.reset();
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        String[] all = new String[args.length + 3];
        all[0] = "pin";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data-dir";
        all[args.length + 2] = dir.toString();
        return KioskCtl.run(all);
    }

    private AdminConfig admin() throws Exception {
        return new ConfigStore(new DataDirectory(dir).config()).loadOrCreate().admin();
    }

    @Test
    void setStoresOnlyASaltedHashAndTheAuditSaysWhichRole() throws Exception {
        assertThat(pin("", "status")).isZero();
        assertThat(console.out()).contains("operator   no PIN: cannot enter");

        assertThat(pin("482916\n482916\n", "set", "--role", "operator")).isZero();
        assertThat(console.out()).contains("operator PIN set");
        assertThat(Pins.matches("482916".toCharArray(), admin().operatorPin())).isTrue();
        assertThat(admin().technicianPin()).isNull();
        String file = Files.readString(new DataDirectory(dir).config());
        assertThat(file).contains("PBKDF2WithHmacSHA256").doesNotContain("482916");

        assertThat(pin("", "status")).isZero();
        assertThat(console.out()).contains("operator   PIN set", "technician no PIN");
        assertThat(KioskCtl.run("audit", "tail", "--data-dir", dir.toString())).isZero();
        assertThat(console.out()).contains("admin.pin.set", "operator PIN changed").doesNotContain("482916");
    }

    @Test
    void mismatchedWeakOrSharedPinsAreRefusedAndNothingChanges() throws Exception {
        assertThat(pin("482916\n482917\n", "set", "--role", "operator")).isEqualTo(1);
        assertThat(console.err()).contains("the two entries differ");
        assertThat(pin("123456\n123456\n", "set", "--role", "operator")).isEqualTo(1);
        assertThat(console.err()).contains("run like 123456");
        assertThat(pin("4829\n4829\n", "set", "--role", "operator")).isEqualTo(1);
        assertThat(pin("", "set", "--role", "operator")).isEqualTo(1);
        assertThat(console.err()).contains("no PIN given");
        assertThat(admin().operatorPin()).isNull();

        assertThat(pin("482916\n482916\n", "set", "--role", "operator")).isZero();
        assertThat(pin("482916\n482916\n", "set", "--role", "technician")).isEqualTo(1);
        assertThat(console.err()).contains("that is the operator PIN");
        assertThat(admin().technicianPin()).isNull();
        assertThat(pin("730251\n730251\n", "set", "--role", "TECHNICIAN")).isZero();
        assertThat(Pins.matches("730251".toCharArray(), admin().technicianPin())).isTrue();
        assertThat(Pins.matches("482916".toCharArray(), admin().operatorPin())).as("the other role kept").isTrue();
    }
}
