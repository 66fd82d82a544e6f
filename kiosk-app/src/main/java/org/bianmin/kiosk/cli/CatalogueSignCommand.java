package org.bianmin.kiosk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bianmin.protocol.catalogue.CatalogueReader;
import org.bianmin.protocol.signing.SigningException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Validate a catalogue and write its detached Ed25519 signature (FILE.sig).",
                "Serve FILE as catalogue.json and FILE.sig as catalogue.json.sig from any web server.",
                "Exit code 0 signed, 1 invalid catalogue or unusable key."})
final class CatalogueSignCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--key", required = true, paramLabel = "K", description = "Private key file (keys generate).")
    Path key;

    @Option(names = "--out", paramLabel = "SIG", description = "Signature file (default: FILE.sig).")
    Path out;

    @Override
    public Integer call() throws Exception {
        try {
            CatalogueSigning.Signed signed = CatalogueSigning.sign(file, key, System.out);
            Path target = out != null ? out : file.resolveSibling(file.getFileName() + ".sig");
            CatalogueReader.mapper().writerWithDefaultPrettyPrinter().writeValue(target.toFile(), signed.signature());
            System.out.println("wrote " + target);
            return 0;
        } catch (SigningException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
