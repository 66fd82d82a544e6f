package org.bianmin.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {

    @TempDir
    Path dir;

    @Test
    void aMissingConfigIsCreatedWithDefaults() throws Exception {
        Path file = dir.resolve("config.json");
        assertThat(new ConfigStore(file).loadOrCreate()).isEqualTo(KioskConfig.defaults());
        assertThat(Files.readString(file)).contains("\"kioskId\"", "\"portalUrl\"");
        assertThat(dir.resolve("config.json.tmp")).doesNotExist();
    }

    @Test
    void givenFieldsOverrideDefaultsAndTheRestStay() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"kioskId\":\"FZ-GL-0042\",\"language\":\"en\"}");
        KioskConfig config = new ConfigStore(file).loadOrCreate();
        assertThat(config.kioskId()).isEqualTo("FZ-GL-0042");
        assertThat(config.language()).isEqualTo("en");
        assertThat(config.idleSeconds()).isEqualTo(KioskConfig.defaults().idleSeconds());
    }

    @Test
    void invalidValuesAreNamedByField() throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"kioskId\":\"x\",\"portalUrl\":\"ftp://a\",\"language\":\"fr\"}");
        assertThatThrownBy(() -> new ConfigStore(file).loadOrCreate())
                .hasMessageContaining("kioskId").hasMessageContaining("portalUrl").hasMessageContaining("language");
        Files.writeString(file, "{\"kioskId\":\"KIOSK-1\",\"colour\":\"red\"}");
        assertThatThrownBy(() -> new ConfigStore(file).loadOrCreate()).hasMessageContaining("colour");
        Files.writeString(file, "not json");
        assertThatThrownBy(() -> new ConfigStore(file).loadOrCreate()).isInstanceOf(ConfigStore.ConfigException.class);
    }

    @Test
    void saveThenLoadRoundTrips() throws Exception {
        Path file = dir.resolve("sub/config.json");
        KioskConfig changed = new KioskConfig("FZ-9", KioskConfig.defaults().portalUrl(), "zh-TW", 90, 180, 20);
        new ConfigStore(file).save(changed);
        assertThat(new ConfigStore(file).loadOrCreate()).isEqualTo(changed);
    }

    @Test
    void dataDirectoryComesFromOptionThenEnvironmentThenHome() {
        Path option = dir.resolve("opt");
        assertThat(DataDirectory.resolve(Optional.of(option), Map.of(DataDirectory.ENV, "/elsewhere")).root())
                .isEqualTo(option);
        assertThat(DataDirectory.resolve(Optional.empty(), Map.of(DataDirectory.ENV, "/srv/kiosk")).root())
                .isEqualTo(Path.of("/srv/kiosk"));
        assertThat(DataDirectory.resolve(Optional.empty(), Map.of()).root())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".bianmin-kiosk"));
    }

    @Test
    void configFileIsInTheDataDirectoryUnlessTheEnvironmentNamesOne() {
        Path data = dir.resolve("data");
        assertThat(DataDirectory.resolve(Optional.of(data), Map.of()).config()).isEqualTo(data.resolve("config.json"));
        DataDirectory installed = DataDirectory.resolve(Optional.empty(), Map.of(DataDirectory.ENV,
                "/var/lib/bianmin-kiosk", DataDirectory.CONFIG_ENV, "/etc/bianmin-kiosk/config.json"));
        assertThat(installed.root()).isEqualTo(Path.of("/var/lib/bianmin-kiosk"));
        assertThat(installed.config()).isEqualTo(Path.of("/etc/bianmin-kiosk/config.json"));
    }

    @Test
    void dataDirectoryIsOwnerOnly() throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("data")).ensureExists();
        assertThat(mode(data.root())).isEqualTo("rwx------");
    }

    @Test
    void aDataDirectoryAnOlderVersionLeftReadableIsMadeOwnerOnlyFileByFile() throws Exception {
        Path root = Files.createDirectories(dir.resolve("data/logs"));
        Path log = Files.writeString(root.resolve("kiosk.log"), "receipt GL-0001-20261121-0001B");
        Path config = Files.writeString(dir.resolve("data/config.json"), "{}");
        for (Path p : List.of(dir.resolve("data"), root)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Path p : List.of(log, config)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
        DataDirectory data = new DataDirectory(dir.resolve("data")).ensureExists();
        assertThat(mode(data.root())).isEqualTo("rwx------");
        assertThat(mode(data.logs())).isEqualTo("rwx------");
        assertThat(mode(log)).isEqualTo("rw-------");
        assertThat(mode(config)).isEqualTo("rw-------");
    }

    @Test
    void theConfigFileIsWrittenOwnerOnlyWhateverTheUmask() throws Exception {
        Path file = dir.resolve("config.json");
        new ConfigStore(file).loadOrCreate();
        assertThat(mode(file)).as("it holds the portal token and PIN hashes").isEqualTo("rw-------");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFile.write(file, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(mode(file)).as("a rewrite replaces the file with an owner-only one").isEqualTo("rw-------");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
