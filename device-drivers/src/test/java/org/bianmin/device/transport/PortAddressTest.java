package org.bianmin.device.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bianmin.device.transport.PortAddress.InvalidPortException;
import org.bianmin.device.transport.PortAddress.Problem;

class PortAddressTest {

    @Property
    void everyAddressParsesBackFromItsConfigForm(@ForAll("addresses") PortAddress address) throws Exception {
        assertThat(PortAddress.parse(address.toString())).isEqualTo(address);
    }

    @Provide
    Arbitrary<PortAddress> addresses() {
        Arbitrary<String> host = Arbitraries.strings().withChars("abcxyz0189.-").ofMinLength(1).ofMaxLength(40);
        Arbitrary<PortAddress> tcp = Combinators.combine(host, Arbitraries.integers().between(1, 65535))
                .as(PortAddress.Tcp::new);
        Arbitrary<PortAddress> usb = Combinators.combine(Arbitraries.integers().between(0, 0xffff),
                Arbitraries.integers().between(0, 0xffff),
                Arbitraries.strings().alpha().numeric().withChars(":-_").ofMinLength(1).ofMaxLength(20).optional())
                .as(PortAddress.Usb::new);
        Arbitrary<PortAddress> serial = Arbitraries.strings().alpha().numeric().withChars("/._-:")
                .ofMinLength(1).ofMaxLength(200).map(s -> new PortAddress.Serial("/" + s));
        return Arbitraries.oneOf(tcp, usb, serial, Arbitraries.just(new PortAddress.Simulated()));
    }

    @Example
    void theConfigFormsOfConfigJsonParseToTheirKinds() throws Exception {
        assertThat(PortAddress.parse("sim:")).isEqualTo(new PortAddress.Simulated());
        assertThat(PortAddress.parse("tcp:192.168.1.50:9100")).isEqualTo(new PortAddress.Tcp("192.168.1.50", 9100));
        assertThat(PortAddress.parse("usb:0C2E:0b61")).isEqualTo(new PortAddress.Usb(0x0c2e, 0x0b61, Optional.empty()));
        assertThat(PortAddress.parse("usb:1a86:7523:A9:XY")).isEqualTo(
                new PortAddress.Usb(0x1a86, 0x7523, Optional.of("A9:XY")));
        assertThat(PortAddress.parse("/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0")).isEqualTo(
                new PortAddress.Serial("/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0"));
    }

    @Example
    void garbageIsRejectedWithTheProblemNamed() {
        // one case a line: the problem, then the text (to the end of the line; none for the empty string)
        Map<String, Problem> garbage = new LinkedHashMap<>();
        """
                EMPTY
                BAD_HOST tcp:
                BAD_HOST tcp::9100
                BAD_HOST tcp:host
                BAD_HOST tcp:ho st:9100
                BAD_TCP_PORT tcp:host:99999
                BAD_TCP_PORT tcp:host:0
                BAD_TCP_PORT tcp:host:x
                BAD_USB_ID usb:12:34
                BAD_USB_ID usb:1a86:7523:
                BAD_USB_ID usb:zzzz:7523
                UNKNOWN_FORM ttyUSB0
                UNKNOWN_FORM /
                UNKNOWN_FORM sim:x
                UNKNOWN_FORM COM3
                """.lines().forEach(line -> garbage.put(line.contains(" ") ? line.substring(line.indexOf(' ') + 1) : "",
                        Problem.valueOf(line.split(" ")[0])));
        garbage.put(null, Problem.EMPTY);
        garbage.put("/dev/tty\u0000USB0", Problem.CONTROL_CHARACTER);
        garbage.put("tcp:host:9100\n", Problem.CONTROL_CHARACTER);
        garbage.put("/" + "a".repeat(10 * 1024), Problem.TOO_LONG);
        assertThat(garbage).hasSize(19);
        garbage.forEach((text, problem) -> assertThatThrownBy(() -> PortAddress.parse(text))
                .as("%.40s", text)
                .isInstanceOfSatisfying(InvalidPortException.class, e -> assertThat(e.problem()).isEqualTo(problem)));
    }

    @Property
    void anyStringParsesOrFailsTyped(@ForAll String text) {
        try {
            assertThat(PortAddress.parse(text).toString()).isNotEmpty();
        } catch (InvalidPortException e) {
            assertThat(e.problem()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
