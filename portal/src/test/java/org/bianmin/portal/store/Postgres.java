package org.bianmin.portal.store;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension: a parameter of type {@link PortalDatabase.Postgres} gets a new empty database on the one
 * {@link PostgresServer} of the test run, started on first use and stopped when the run ends; a parameter of type
 * {@link PostgresServer} gets that server.
 */
public final class Postgres implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Postgres.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PortalDatabase.Postgres.class || type == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        PostgresServer server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(PostgresServer.class, k -> PostgresServer.start(), PostgresServer.class);
        return parameter.getParameter().getType() == PostgresServer.class ? server : server.newDatabase();
    }
}
