package com.lead2cash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The package tree is the architecture: modules only use each other's public API, without cycles, and
 * only the modules their {@code package-info.java} allows.
 */
class ModularityTests {

    /**
     * Where the generated module documentation goes: under {@code target/} on every build; the
     * tracked {@code docs/modules} only when asked for ({@code mvn test -Pmodule-docs}, see README).
     */
    static final String OUTPUT = System.getProperty("l2c.module-docs", "target/module-docs");

    /** Once for the class: reading the modules is most of this class's time. */
    private static final ApplicationModules MODULES = ApplicationModules.of(Lead2CashApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void everyBusinessCapabilityIsAModuleThatNamesItsAllowedDependencies() {
        assertThat(MODULES.stream().map(m -> m.getBasePackage().getName()))
                .contains("com.lead2cash.platform", "com.lead2cash.sop", "com.lead2cash.lead",
                        "com.lead2cash.customer", "com.lead2cash.notification", "com.lead2cash.approval",
                        "com.lead2cash.region");
        MODULES.forEach(module -> {
            var declared = module.getBasePackage()
                    .getAnnotation(org.springframework.modulith.ApplicationModule.class);
            assertThat(declared).as(module.getIdentifier().toString()).isPresent();
            assertThat(declared.get().allowedDependencies()).as(module.getIdentifier().toString())
                    .doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
        });
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(OUTPUT))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(Path.of(OUTPUT, "components.puml")).exists();
        assertThat(Files.exists(Path.of(OUTPUT, "module-lead.puml"))).isTrue();
    }
}
