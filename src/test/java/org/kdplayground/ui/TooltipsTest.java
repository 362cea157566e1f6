package org.kdplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An explaining tooltip follows its text (a language switch, a state) and wraps at one readable width. */
@ExtendWith(ApplicationExtension.class)
class TooltipsTest {

    @Start
    void start(Stage stage) {
        // the toolkit only: a tooltip is a popup window
    }

    @Test
    void aTooltipFollowsItsTextAndWraps(FxRobot robot) {
        SimpleStringProperty text = new SimpleStringProperty("Accuracy on the test set");
        Tooltip[] tip = new Tooltip[1];
        robot.interact(() -> tip[0] = Tooltips.wrapping(text));
        assertThat(tip[0].getText()).isEqualTo("Accuracy on the test set");
        robot.interact(() -> text.set("测试集上的准确率"));
        assertThat(tip[0].getText()).isEqualTo("测试集上的准确率");
        assertThat(tip[0].isWrapText()).isTrue();
        assertThat(tip[0].getMaxWidth()).isEqualTo(Tooltips.MAX_WIDTH);
    }
}
