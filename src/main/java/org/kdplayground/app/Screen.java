package org.kdplayground.app;

/** The screens the navigation bar switches between, in their order there. */
enum Screen {
    EXPLORER("nav_explorer", "nav_explorer_tooltip", "mdi2t-thermometer"),
    DISTILLATION("nav_distillation", "nav_distillation_tooltip", "mdi2s-school-outline"),
    ABOUT("nav_about", "nav_about_tooltip", "mdi2i-information-outline");

    private final String labelKey;
    private final String tooltipKey;
    private final String iconLiteral;

    Screen(String labelKey, String tooltipKey, String iconLiteral) {
        this.labelKey = labelKey;
        this.tooltipKey = tooltipKey;
        this.iconLiteral = iconLiteral;
    }

    String labelKey() {
        return labelKey;
    }

    String tooltipKey() {
        return tooltipKey;
    }

    String iconLiteral() {
        return iconLiteral;
    }
}
