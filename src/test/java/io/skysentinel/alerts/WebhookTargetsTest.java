package io.skysentinel.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where webhooks may go, with a table of names instead of DNS. */
class WebhookTargetsTest {

    static final Map<String, String> DNS = Map.of(
            "hooks.example.org", "93.184.216.34",
            "evil.example.com", "127.0.0.1", // a public name pointing home
            "nas.lan", "192.168.1.20",
            "v6.example.org", "2606:4700::6810:85e5");

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String ip = DNS.get(host);
        if (ip != null) return new InetAddress[] {InetAddress.getByName(ip)};
        if (host.matches("[0-9a-f:.]+")) return new InetAddress[] {InetAddress.getByName(host)};
        throw new UnknownHostException(host);
    }

    static WebhookTargets targets(List<String> allow, boolean allowPrivate) {
        return new WebhookTargets(allow, allowPrivate, WebhookTargetsTest::resolve);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/",
                "http://10.1.2.3/",
                "http://172.16.0.1/",
                "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data/",
                "http://0.0.0.0/",
                "http://100.64.0.1/",
                "http://[::1]/",
                "http://[fd12:3456::1]/",
                "http://[fe80::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://evil.example.com/",
                "http://nas.lan/"
            })
    void privateLoopbackAndLinkLocalAddressesAreRefusedByDefault(String url) {
        assertThat(targets(List.of(), false).refusal(URI.create(url))).contains("private");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.org/x", "http://93.184.216.34/", "https://v6.example.org/"})
    void publicAddressesAreAllowedByDefault(String url) {
        assertThat(targets(List.of(), false).refusal(URI.create(url))).isNull();
    }

    @Test
    void aNameThatDoesNotResolveNowIsJudgedAtDelivery() {
        assertThat(targets(List.of(), false).refusal(URI.create("http://not-yet.example.net/")))
                .isNull();
        assertThat(targets(List.of("hooks.example.org"), false).refusal(URI.create("http://not-yet.example.net/")))
                .contains("not in ALERTS_WEBHOOK_ALLOW");
    }

    @Test
    void anAllowListAdmitsItsNamesAndBlocksEvenWhenPrivateAndNothingElse() {
        WebhookTargets t = targets(List.of("*.lan", "hooks.example.org", "10.1.0.0/16"), false);
        assertThat(t.refusal(URI.create("http://nas.lan/"))).isNull();
        assertThat(t.refusal(URI.create("http://hooks.example.org/"))).isNull();
        assertThat(t.refusal(URI.create("http://10.1.200.7/"))).isNull();
        assertThat(t.refusal(URI.create("http://10.2.0.1/"))).contains("not in ALERTS_WEBHOOK_ALLOW");
        assertThat(t.refusal(URI.create("http://93.184.216.34/"))).contains("not in ALERTS_WEBHOOK_ALLOW");
        assertThat(t.refusal(URI.create("http://lan/")))
                .as("*.lan is a suffix, not the name")
                .isNotNull();
    }

    @Test
    void allowPrivateLiftsTheAddressRule() {
        assertThat(targets(List.of(), true).refusal(URI.create("http://127.0.0.1:9000/")))
                .isNull();
        assertThat(targets(List.of(), true).refusal(URI.create("http://nas.lan/")))
                .isNull();
    }

    @Test
    void badBlocksStopTheStartWithTheSettingsName() {
        assertThatThrownBy(() -> targets(List.of("10.0.0.0/33"), false)).hasMessageContaining("ALERTS_WEBHOOK_ALLOW");
        assertThatThrownBy(() -> targets(List.of("intranet/8"), false)).hasMessageContaining("ALERTS_WEBHOOK_ALLOW");
    }
}
