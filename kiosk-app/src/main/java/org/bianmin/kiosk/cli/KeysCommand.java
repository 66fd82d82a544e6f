package org.bianmin.kiosk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import org.bianmin.protocol.signing.Ed25519Keys;
import org.bianmin.protocol.signing.KeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "keys", description = "Operator signing keys (Ed25519).", mixinStandardHelpOptions = true,
        subcommands = KeysCommand.Generate.class)
final class KeysCommand {

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Create an Ed25519 key pair for signing catalogues.",
                    "Writes NAME.key.json (private, mode 600: keep it offline) and NAME.pub.json (give it to",
                    "kiosks and the portal as a trusted key). Exit code 0, or 1 when a file already exists."})
    static final class Generate implements Callable<Integer> {

        @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Directory (default: .).")
        Path dir;

        @Option(names = "--name", defaultValue = "operator", description = "File name stem (default: operator).")
        String name;

        @Override
        public Integer call() throws Exception {
            Path privateFile = dir.resolve(name + ".key.json");
            Path publicFile = dir.resolve(name + ".pub.json");
            if (Files.exists(privateFile) || Files.exists(publicFile)) {
                System.err.println("refused: " + privateFile + " or " + publicFile + " exists; never overwrite a key");
                return 1;
            }
            Files.createDirectories(dir);
            KeyFile key = Ed25519Keys.toFile(Ed25519Keys.generate());
            Files.createFile(privateFile);
            if (privateFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            }
            Ed25519Keys.write(key, privateFile);
            Ed25519Keys.write(key.publicOnly(), publicFile);
            System.out.printf("key id %s%n  private %s (keep secret)%n  public  %s%n", key.keyId(), privateFile,
                    publicFile);
            return 0;
        }
    }
}
