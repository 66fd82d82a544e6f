package org.bianmin.kiosk.shell;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import javafx.scene.Node;
import org.bianmin.kiosk.ui.Screen;
import org.bianmin.kiosk.ui.ScreenViews;
import org.bianmin.kiosk.ui.ViewScope;

/**
 * Every screen's view, as the screen packages registered them ({@link ScreenViews} providers found by
 * {@link ServiceLoader}). A screen is rendered by the view registered for its class or its nearest superclass.
 * Immutable after construction.
 */
public final class ViewRegistry {

    private final Map<Class<?>, ScreenViews.View<?>> views = new HashMap<>();

    private ViewRegistry() {}

    /** The views of every screen package on the class path. */
    public static ViewRegistry load() {
        ViewRegistry registry = new ViewRegistry();
        ScreenViews.Registry adder = new ScreenViews.Registry() {
            @Override
            public <S extends Screen> void add(Class<S> screen, ScreenViews.View<S> view) {
                if (registry.views.putIfAbsent(screen, view) != null) {
                    throw new IllegalStateException("two views for " + screen.getName());
                }
            }
        };
        ServiceLoader.load(ScreenViews.class, ViewRegistry.class.getClassLoader()).forEach(p -> p.register(adder));
        return registry;
    }

    /** @throws IllegalArgumentException if no package registered a view for the screen's class */
    public Node render(Screen screen, ViewScope scope) {
        for (Class<?> type = screen.getClass(); type != null; type = type.getSuperclass()) {
            ScreenViews.View<?> view = views.get(type);
            if (view != null) {
                return build(view, screen, scope);
            }
        }
        throw new IllegalArgumentException("no view for " + screen.getClass().getName());
    }

    @SuppressWarnings("unchecked") // registered under the screen's own class: add() ties the two types together
    private static <S extends Screen> Node build(ScreenViews.View<S> view, Screen screen, ViewScope scope) {
        return view.build((S) screen, scope);
    }
}
