package org.bianmin.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Binding;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.util.Subscription;
import org.bianmin.kiosk.i18n.Messages;

/**
 * One rendering of a screen: the language it is drawn in and everything the view bound to longer-lived objects
 * (view-model and session properties). The shell renders a screen afresh on every language or elder-mode switch
 * and {@link #release() releases} the previous rendering, so a view that binds only through its scope leaves no
 * listener behind on the view-model: nothing piles up however often the citizen switches.
 * Not thread-safe: used on the FX thread only.
 */
public final class ViewScope {

    private final Messages messages;
    private final List<Subscription> bound = new ArrayList<>();
    private boolean released;

    public ViewScope(Messages messages) {
        this.messages = messages;
    }

    public Messages messages() {
        return messages;
    }

    /** Runs {@code change} whenever {@code value} changes (not now), until the scope is released. */
    public void onChange(ObservableValue<?> value, Runnable change) {
        add(value.subscribe((old, now) -> change.run()));
    }

    /** Calls {@code change} with every new value of {@code value} (not now), until the scope is released. */
    public <T> void onNewValue(ObservableValue<T> value, java.util.function.Consumer<? super T> change) {
        add(value.subscribe((old, now) -> change.accept(now)));
    }

    public <K, V> void onChange(ObservableMap<K, V> map, Runnable change) {
        MapChangeListener<K, V> listener = c -> change.run();
        map.addListener(listener);
        add(() -> map.removeListener(listener));
    }

    public <E> void onChange(ObservableSet<E> set, Runnable change) {
        SetChangeListener<E> listener = c -> change.run();
        set.addListener(listener);
        add(() -> set.removeListener(listener));
    }

    /** Binds a node's property to a longer-lived value, unbound when the scope is released. */
    public <T> void bind(Property<T> target, ObservableValue<? extends T> source) {
        target.bind(source);
        add(target::unbind);
    }

    /** Binds a node's property to a value computed from longer-lived ones; unbound and disposed when released. */
    public <T> void bind(Property<T> target, Binding<T> computed) {
        target.bind(computed);
        add(() -> {
            target.unbind();
            computed.dispose();
        });
    }

    /** Binds a field's text (or any node property) both ways to a longer-lived property, until released. */
    public <T> void bindBidirectional(Property<T> node, Property<T> model) {
        node.bindBidirectional(model);
        add(() -> node.unbindBidirectional(model));
    }

    /**
     * A part of the view that rebuilds itself (a console's section when its tab changes): each run of the returned
     * action releases what the previous build of the part bound and builds it again with a fresh scope, which this
     * scope releases in turn.
     */
    public Runnable rebuilt(java.util.function.Consumer<ViewScope> build) {
        ViewScope[] part = {null};
        return () -> {
            if (part[0] != null) {
                part[0].release();
            }
            part[0] = new ViewScope(messages);
            add(part[0]::release);
            build.accept(part[0]);
        };
    }

    /** Adds something to undo when the rendering is discarded. */
    public void add(Subscription subscription) {
        if (released) {
            subscription.unsubscribe();
            return;
        }
        bound.add(subscription);
    }

    /** Unbinds everything this rendering bound; later bindings are undone at once. Idempotent. */
    public void release() {
        released = true;
        bound.forEach(Subscription::unsubscribe);
        bound.clear();
    }
}
