package dev.eventbus.capture;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.SqmTranslator;
import org.hibernate.query.sqm.sql.StandardSqmTranslatorFactory;
import org.hibernate.query.sqm.tree.SqmDmlStatement;
import org.hibernate.query.sqm.tree.delete.SqmDeleteStatement;
import org.hibernate.query.sqm.tree.insert.SqmInsertStatement;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.MutationStatement;

import dev.eventbus.BulkMutationException;

/**
 * Refuses JPQL, HQL and Criteria bulk {@code update}, {@code delete} and {@code insert}
 * statements whose target is (or has a subclass that is) a {@link dev.eventbus.PublishEvents}
 * entity, with a {@link BulkMutationException}, before any SQL runs. Such statements fire no
 * Hibernate entity events, so their changes would silently not be published.
 * <p>
 * Hibernate translates every such statement on an entity mapped to one table through its
 * {@code SqmTranslatorFactory}, which this class is (set as {@code hibernate.query.sqm.translator},
 * a class name Hibernate instantiates); a statement is translated again each time it runs until a
 * translation succeeds, so a refused statement is refused every time. Statements on entities
 * spread over several tables (joined or table-per-class inheritance, secondary tables) go through
 * Hibernate's multi-table strategies instead, which {@link MultiTableMutationGuard} and
 * {@link MultiTableInsertGuard} wrap. Native SQL is never seen.
 */
public class BulkMutationGuard extends StandardSqmTranslatorFactory {

	/** The Hibernate setting that names this class. */
	public static final String SETTING = "hibernate.query.sqm.translator";

	@Override
	public SqmTranslator<? extends MutationStatement> createMutationTranslator(SqmDmlStatement<?> statement,
			QueryOptions queryOptions, DomainParameterXref domainParameterXref,
			QueryParameterBindings domainParameterBindings, LoadQueryInfluencers loadQueryInfluencers,
			SqlAstCreationContext creationContext) {
		check(statement, creationContext.getMappingMetamodel());
		return super.createMutationTranslator(statement, queryOptions, domainParameterXref, domainParameterBindings,
				loadQueryInfluencers, creationContext);
	}

	/**
	 * Refuses a statement whose target, or a subclass of it, publishes events.
	 * @param statement the bulk statement
	 * @param metamodel the session factory's mapping metamodel
	 * @throws BulkMutationException if the statement would bypass the capture
	 */
	static void check(SqmDmlStatement<?> statement, MappingMetamodel metamodel) {
		String entityName = statement.getTarget().getEntityName();
		EntityPersister target = metamodel.getEntityDescriptor(entityName);
		List<EntityMappingType> types = new ArrayList<>();
		types.add(target);
		types.addAll(target.getSubMappingTypes());
		for (EntityMappingType type : types) {
			EntityPersister persister = type.getEntityPersister();
			PublishedEntity published = PublishedEntity.of(persister.getMappedClass(), persister.getJpaEntityName());
			if (published != null) {
				throw new BulkMutationException(kind(statement), target.getJpaEntityName(),
						persister.getMappedClass().getName(), published.channel());
			}
		}
	}

	private static String kind(SqmDmlStatement<?> statement) {
		if (statement instanceof SqmDeleteStatement) {
			return "delete";
		}
		return (statement instanceof SqmInsertStatement) ? "insert" : "update";
	}

}
