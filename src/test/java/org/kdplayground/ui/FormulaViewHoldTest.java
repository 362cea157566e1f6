package org.kdplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * While the app's first window is built, formulas hold their place untypeset; released, they typeset at once (the
 * start-up's JLaTeXMath work moved after the window shows).
 */
@ExtendWith(ApplicationExtension.class)
class FormulaViewHoldTest {

    private static final String TWO_LINES = "\\begin{array}{l}\\mathcal{L} = \\alpha\\,\\mathrm{CE}(y,\\,p_s)"
            + "\\\\ \\qquad = 0.5 \\cdot 0.3132 = \\mathbf{0.1566}\\end{array}";
    private Stage stage;
    private FormulaView formula;

    @Start
    void start(Stage primaryStage) {
        FirstWindow.building();
        formula = new FormulaView();
        formula.texProperty().set(TWO_LINES);
        formula.setPrefSize(Region.USE_COMPUTED_SIZE, Region.USE_COMPUTED_SIZE); // the formula's own size
        stage = TestWindows.show(new VBox(formula), 500, 200);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            FirstWindow.shown(); // never leave the gate shut for other tests
            stage.close();
        });
    }

    @Test
    void aHeldFormulaKeepsItsPlaceAndTypesetsWhenReleased(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double size = formula.sizeProperty().get();
        double insets = formula.snappedTopInset() + formula.snappedBottomInset();
        assertThat(formula.isPainted()).as("held: nothing typeset or painted").isFalse();
        double heldHeight = formula.prefHeight(-1);
        assertThat(heldHeight - insets).as("two display lines' place").isCloseTo(2 * 1.6 * size, within(0.01));

        robot.interact(FirstWindow::shown);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(formula.isPainted()).as("released: typeset and painted").isTrue();
        assertThat(formula.prefHeight(-1)).as("the kept place was within a tenth of the typeset height")
                .isCloseTo(heldHeight, within(heldHeight / 10));
    }
}
