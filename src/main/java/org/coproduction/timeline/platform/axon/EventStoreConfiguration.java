package org.coproduction.timeline.platform.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.coproduction.timeline.platform.Durability;
import org.coproduction.timeline.platform.EventJson;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The event store is Axon's JDBC engine on tables that Flyway creates (the same code on H2 and
 * PostgreSQL, payloads as plain binary columns, no ORM on the write path); see docs/adr/0002.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /**
     * A command is answered once its events are in the database's file, not only committed, and is
     * handled only while no import appends alone ({@link AppendGate}): see {@link
     * DurableCommandGateway}.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, Durability durability, AppendGate appendGate) {
        return new DurableCommandGateway(
                DefaultCommandGateway.builder().commandBus(commandBus).build(), durability, appendGate);
    }

    /**
     * Every command's transaction takes the append gate's shared side first (PostgreSQL: see {@link
     * AppendGate}), and appends and commits in turn with the other commands: registered before the
     * handler runs, the turn is taken at the start of the unit of work's preparation to commit,
     * before the event store's own step there (registered as the handler applies its first event)
     * appends. Registered once every bean exists (the command bus needs this configuration's).
     */
    @Bean
    SmartInitializingSingleton commandsTakeTheAppendGate(ObjectProvider<CommandBus> commandBus, AppendGate appendGate) {
        return () -> commandBus.getObject().registerHandlerInterceptor((unitOfWork, chain) -> {
            appendGate.commandInTransaction();
            unitOfWork.onPrepareCommit(appendGate::commandAppends);
            return chain.proceed();
        });
    }

    static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("time_stamp")
            .setOwnerColumn("owner")
            .build();

    @Bean
    @Primary
    public Serializer serializer() {
        return new CatalogueJacksonSerializer(EventJson.newMapper());
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    @Bean
    public EventSchema eventSchema() {
        return EVENT_SCHEMA;
    }

    /**
     * Axon's JDBC engine, reading in batches of {@code timeline.event-store.batch-size} and
     * tracking at most {@code timeline.event-store.max-gap-offset} gaps (1,000; Axon's default is
     * 10,000). Every position a processor has stepped over without an event (a transaction still
     * open, or one that rolled back or died with its process: a refused import, a {@code kill -9})
     * is a gap in its token, and every event it reads carries a copy of its token: after an import
     * killed halfway, the next events each carried a gap for every event it had stored, and the
     * processors' buffers of such events ran a JVM out of memory in {@code KillNineTest}'s
     * scenario. What a processor's buffers hold then grows with the square of this bound, whatever
     * the data, so Axon's default allows gigabytes where this one allows megabytes. The price: a
     * transaction whose rows are more than this many positions behind events committed after it is
     * not seen by a processor that read those first, so no command commits while an import is open
     * beside running processors ({@link AppendGate}), and commands, which commit in milliseconds,
     * leave it far behind.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(
            Serializer serializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            @Value("${timeline.event-store.batch-size:1000}") int batchSize,
            @Value("${timeline.event-store.max-gap-offset:1000}") int maxGapOffset) {
        return JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(EVENT_SCHEMA)
                .batchSize(batchSize)
                .maxGapOffset(maxGapOffset)
                .readEventDataWithGaps(GapQuery::build)
                .build();
    }

    /**
     * Axon's embedded event store, with every processor reading its own stream in batches of the
     * storage engine's size. By default (its "event consumption optimization") processors near the
     * head share one producer that reads ahead as fast as the database gives, and every event it
     * read stays in memory while one processor is still behind it, until a cleaner runs every ten
     * seconds: after a large import, most of it held at once, enough to run a server out of memory
     * (issue 22). Reading alone, each processor holds at most a batch and its work packages'
     * buffers, whatever the store holds; an idle processor polls the store when its coordinator asks
     * (every half second), as it did before. Catching up takes no longer this way.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    public EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(false)
                .build();
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(TOKEN_SCHEMA)
                .contentType(byte[].class)
                .build();
    }

    @Bean(destroyMethod = "close")
    public CacheManager aggregateCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    /**
     * Commands on a project reuse its folded state instead of replaying its history each time. A
     * bounded heap cache rather than weak references: those are cleared at every young collection,
     * which made a long import replay each project again for every chunk.
     */
    @Bean
    public Cache projectCache(
            CacheManager aggregateCacheManager, @Value("${timeline.aggregate-cache.projects:500}") long projects) {
        org.ehcache.Cache<Object, Object> cache = aggregateCacheManager.createCache(
                "projects",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(
                        Object.class, Object.class, ResourcePoolsBuilder.heap(projects)));
        return new EhCache3Adapter((Ehcache<Object, Object>) cache);
    }

    /** Axon's default correlation data (correlation and trace ids), kept beside the one below. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** A command's {@code transcribedBy} goes onto the events it applies ({@link RecordedTime#TRANSCRIBED_BY}). */
    @Bean
    public CorrelationDataProvider transcribedByProvider() {
        return new SimpleCorrelationDataProvider(RecordedTime.TRANSCRIBED_BY);
    }
}
