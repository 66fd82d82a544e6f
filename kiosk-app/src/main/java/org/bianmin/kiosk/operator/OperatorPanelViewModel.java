package org.bianmin.kiosk.operator;

import org.bianmin.kiosk.admin.AdminScreen;
import org.bianmin.kiosk.admin.AdminSession;

/** The operator's console behind the hidden entry: the catalogue and where it came from. */
public final class OperatorPanelViewModel implements AdminScreen {

    private final AdminSession session;
    private final CatalogueViewModel catalogue;

    public OperatorPanelViewModel(AdminSession session, CatalogueViewModel catalogue) {
        this.session = session;
        this.catalogue = catalogue;
    }

    @Override
    public String titleKey() {
        return "operator.title";
    }

    public AdminSession session() {
        return session;
    }

    public CatalogueViewModel catalogue() {
        return catalogue;
    }

    @Override
    public void enter() {
        catalogue.refresh();
    }
}
