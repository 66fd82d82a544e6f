package org.bianmin.kiosk.demo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules that need the portal and the demo on the classpath, which only this module has (kiosk-app's
 * {@code ArchitectureTest} checks the rest): the portal knows only the protocol, and within the kiosk only the
 * demo package touches it.
 */
@AnalyzeClasses(packages = "org.bianmin", importOptions = ImportOption.DoNotIncludeTests.class)
class DemoArchitectureTest {

    @ArchTest
    static final ArchRule portalKnowsOnlyTheProtocol = noClasses()
            .that().resideInAPackage("org.bianmin.portal..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bianmin.kiosk..", "org.bianmin.device..",
                    "org.bianmin.cache..");

    @ArchTest
    static final ArchRule onlyTheDemoEmbedsThePortal = noClasses()
            .that().resideInAPackage("org.bianmin.kiosk..").and().resideOutsideOfPackage("org.bianmin.kiosk.demo..")
            .should().dependOnClassesThat().resideInAPackage("org.bianmin.portal..");
}
