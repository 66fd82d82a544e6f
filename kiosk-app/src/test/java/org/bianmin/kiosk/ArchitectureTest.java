package org.bianmin.kiosk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module and package rules, checked over every module's classes that kiosk-app sees on its classpath (all but
 * the portal and the demo: their rules are in kiosk-demo's {@code DemoArchitectureTest}): dependencies point one
 * way, hardware and SQL stay in their layers.
 */
@AnalyzeClasses(packages = "org.bianmin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheDeviceLayerTouchesSerialPorts = noClasses()
            .that().resideOutsideOfPackage("org.bianmin.device..")
            .should().dependOnClassesThat().resideInAPackage("com.fazecast..");

    @ArchTest
    static final ArchRule deviceLayerStandsAlone = noClasses()
            .that().resideInAPackage("org.bianmin.device..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bianmin.kiosk..", "org.bianmin.cache..",
                    "org.bianmin.portal..", "javafx..");

    /** Frames are decoded (and masked) in the device layer; the kiosk words what it is handed (TrafficLog). */
    @ArchTest
    static final ArchRule theKioskDecodesNoIdCardFrames = noClasses()
            .that().resideInAPackage("org.bianmin.kiosk..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.bianmin.device.idcard.FrameCodec");

    @ArchTest
    static final ArchRule offlineCacheKnowsOnlyTheProtocol = noClasses()
            .that().resideInAPackage("org.bianmin.cache..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bianmin.kiosk..", "org.bianmin.device..",
                    "org.bianmin.portal..", "javafx..");

    @ArchTest
    static final ArchRule protocolDependsOnNoKioskModule = noClasses()
            .that().resideInAPackage("org.bianmin.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bianmin.kiosk..", "org.bianmin.device..",
                    "org.bianmin.cache..", "org.bianmin.portal..");

    /** The kiosk's pom has no portal at all; this says why a build that adds it back fails. */
    @ArchTest
    static final ArchRule theKioskNeverTouchesThePortal = noClasses()
            .that().resideInAPackage("org.bianmin.kiosk..")
            .should().dependOnClassesThat().resideInAPackage("org.bianmin.portal..");

    @ArchTest
    static final ArchRule viewsNeverTouchSql = noClasses()
            .that().resideInAPackage("org.bianmin.kiosk..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..");

    @ArchTest
    static final ArchRule viewModelsStayFreeOfControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    /**
     * kiosk-app's packages form layers: the shell above the screens, the screens above the toolkit ({@code ui}),
     * i18n and config at the bottom. A cycle would let a change to any package in it ripple through all of them.
     */
    @ArchTest
    static final ArchRule kioskPackagesAreFreeOfCycles = slices().matching("org.bianmin.kiosk.(*)..")
            .should().beFreeOfCycles();
}
