package org.classroom.localcloud.s3lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class LifecycleXmlTest {

    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    @Test
    void theRulesAreWrittenInS3sNamespaceAndReadBack() throws Exception {
        List<ExpiryRule> rules = List.of(new ExpiryRule("all", true, "", 30), new ExpiryRule("crops", false, "crops/", 7));
        String xml = LifecycleXml.write(rules);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(NAMESPACE);
        assertThat(root.getElementsByTagNameNS(NAMESPACE, "Rule").getLength()).isEqualTo(2);
        assertThat(LifecycleXml.parse(xml.getBytes(StandardCharsets.UTF_8))).isEqualTo(rules);
    }

    @Test
    void theEmptyFilterAndTheOlderPrefixBesideTheRuleAreRead() {
        String xml = "<LifecycleConfiguration xmlns=\"" + NAMESPACE + "\">"
                + "<Rule><ID>a</ID><Filter/><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>"
                + "<Rule><ID>b</ID><Prefix>logs/</Prefix><Status>Disabled</Status><Expiration><Days>2</Days></Expiration></Rule>"
                + "</LifecycleConfiguration>";

        assertThat(LifecycleXml.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .containsExactly(new ExpiryRule("a", true, "", 1), new ExpiryRule("b", false, "logs/", 2));
    }

    @Test
    void whatS3WouldRefuseIsRefused() {
        assertThatThrownBy(() -> LifecycleXml.parse("<LifecycleConfiguration><Rule><ID>a</ID><Status>On</Status>"
                .concat("<Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(LifecycleXml.Refused.class, e -> assertThat(e.code()).isEqualTo("MalformedXML"));
        assertThatThrownBy(() -> LifecycleXml.parse("<LifecycleConfiguration><Rule><ID>a</ID><Status>Enabled</Status>"
                .concat("<Expiration><Days>1</Days></Expiration></Rule><Rule><ID>a</ID><Status>Enabled</Status>")
                .concat("<Expiration><Days>2</Days></Expiration></Rule></LifecycleConfiguration>").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(LifecycleXml.Refused.class, e -> assertThat(e.code()).isEqualTo("InvalidArgument"));
        assertThatThrownBy(() -> LifecycleXml.parse("<LifecycleConfiguration><Rule><ID>a</ID><Status>Enabled</Status>"
                .concat("<Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter>")
                .concat("<Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(LifecycleXml.Refused.class, e -> assertThat(e.code()).isEqualTo("NotImplemented"));
        assertThatThrownBy(() -> LifecycleXml.parse("not xml".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(LifecycleXml.Refused.class, e -> assertThat(e.code()).isEqualTo("MalformedXML"));
    }
}
