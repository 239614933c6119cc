package dev.berth.app.ui.theme;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ThemeViewModelTest {
    @TempDir Path userDir;

    @Test
    void toggle_persistsDarkForTheNextStart() {
        var model = new ThemeViewModel(userDir);
        assertThat(model.darkProperty().get()).isFalse();
        model.toggle();
        assertThat(new ThemeViewModel(userDir).darkProperty().get()).isTrue();
    }
}
