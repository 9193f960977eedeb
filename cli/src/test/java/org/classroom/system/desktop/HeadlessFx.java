package org.classroom.system.desktop;

/** Headless JavaFX (Monocle, software rendering) for this JVM; call before the toolkit starts. */
final class HeadlessFx {

    private HeadlessFx() {
    }

    /** The module's argLine is shared by every test, so each desktop test class asks for this itself. */
    static void use() {
        System.setProperty("testfx.robot", "glass");
        System.setProperty("testfx.headless", "true");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
    }
}
