package org.kdplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Menus and other popups open in windows of their own, outside the scaled content: they follow the UI scale. */
@ExtendWith(ApplicationExtension.class)
class PopupScaleTest {

    private Stage stage;
    private ThemeManager themes;
    private MenuButton menu;

    @Start
    void start(Stage primaryStage) {
        stage = new Stage();
        menu = new MenuButton("Presets", null, new MenuItem("The seed's logits"));
        Scene scene = new Scene(new VBox(menu), 400, 300);
        themes = new ThemeManager(scene, FontPolicy.ofSystem());
        themes.apply(Theme.LIGHT, Language.ENGLISH);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            menu.hide();
            stage.close();
        });
    }

    @Test
    void aMenuOpenedAtOneAndAHalfTimesHasTextOneAndAHalfTimesAsLarge(FxRobot robot) {
        assertThat(itemFontSize(robot)).isEqualTo(ThemeManager.BASE_FONT_PX);
        robot.interact(menu::hide);

        robot.interact(() -> themes.setUiScale(1.5));
        assertThat(itemFontSize(robot)).isEqualTo(ThemeManager.BASE_FONT_PX * 1.5);
        robot.interact(menu::hide);

        robot.interact(() -> themes.setUiScale(1.0));
        assertThat(itemFontSize(robot)).isEqualTo(ThemeManager.BASE_FONT_PX);
    }

    @Test
    void theScaleSurvivesAThemeOrLanguageChange(FxRobot robot) {
        robot.interact(() -> {
            themes.setUiScale(2.0);
            themes.apply(Theme.DARK, Language.CHINESE_SIMPLIFIED);
        });
        assertThat(itemFontSize(robot)).isEqualTo(ThemeManager.BASE_FONT_PX * 2);
    }

    private double itemFontSize(FxRobot robot) {
        robot.interact(menu::show);
        WaitForAsyncUtils.waitForFxEvents();
        Node popup = menu.getItems().get(0).getParentPopup().getSkin().getNode();
        Label label = (Label) popup.lookup(".menu-item .label");
        return label.getFont().getSize();
    }
}
