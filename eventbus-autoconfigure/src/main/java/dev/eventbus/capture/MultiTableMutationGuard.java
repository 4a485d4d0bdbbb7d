package dev.eventbus.capture;

import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.internal.MappingModelCreationProcess;
import org.hibernate.metamodel.spi.RuntimeModelCreationContext;
import org.hibernate.query.spi.DomainQueryExecutionContext;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.mutation.spi.MultiTableHandlerBuildResult;
import org.hibernate.query.sqm.mutation.spi.SqmMultiTableMutationStrategy;
import org.hibernate.query.sqm.tree.SqmDeleteOrUpdateStatement;

/**
 * The {@link BulkMutationGuard} for bulk {@code update} and {@code delete} statements on entities
 * spread over several tables: Hibernate's own strategy for the dialect (set as
 * {@code hibernate.query.mutation_strategy}, a class Hibernate instantiates per entity
 * hierarchy), after the check.
 */
public class MultiTableMutationGuard implements SqmMultiTableMutationStrategy {

	/** The Hibernate setting that names this class. */
	public static final String SETTING = "hibernate.query.mutation_strategy";

	private final SqmMultiTableMutationStrategy delegate;

	/**
	 * Creates the guard of one entity hierarchy, as Hibernate does.
	 * @param entity the root entity of the hierarchy
	 * @param context the creation context
	 */
	public MultiTableMutationGuard(EntityMappingType entity, RuntimeModelCreationContext context) {
		this.delegate = context.getDialect().getFallbackSqmMutationStrategy(entity, context);
	}

	@Override
	public void prepare(MappingModelCreationProcess process, JdbcConnectionAccess access) {
		this.delegate.prepare(process, access);
	}

	@Override
	public void prepare(MappingModelCreationProcess process) {
		this.delegate.prepare(process);
	}

	@Override
	public void release(SessionFactoryImplementor sessionFactory, JdbcConnectionAccess access) {
		this.delegate.release(sessionFactory, access);
	}

	@Override
	public MultiTableHandlerBuildResult buildHandler(SqmDeleteOrUpdateStatement<?> statement,
			DomainParameterXref domainParameterXref, DomainQueryExecutionContext context) {
		BulkMutationGuard.check(statement, context.getSession().getFactory().getMappingMetamodel());
		return this.delegate.buildHandler(statement, domainParameterXref, context);
	}

}
