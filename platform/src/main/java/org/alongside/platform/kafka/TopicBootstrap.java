package org.alongside.platform.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates the contract's topics (and a dead-letter topic) when they are missing. Brokers run with topic
 * auto-creation off, so a typo in a topic name fails loudly instead of creating a stray topic.
 */
@ApplicationScoped
public class TopicBootstrap {

    private static final Logger LOG = Logger.getLogger(TopicBootstrap.class);

    private final KafkaSettings settings;

    TopicBootstrap(KafkaSettings settings) {
        this.settings = settings;
    }

    /** Returns true once every topic exists; false when the broker could not be reached. */
    public boolean ensure(Collection<String> topics) {
        try (Admin admin = Admin.create(settings.admin())) {
            List<NewTopic> wanted = new ArrayList<>();
            for (String topic : topics) {
                wanted.add(new NewTopic(topic, settings.partitions(), settings.replicationFactor()));
            }
            for (var result : admin.createTopics(wanted).values().entrySet()) {
                try {
                    result.getValue().get();
                    LOG.infof("Created topic %s", result.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return true;
        } catch (ExecutionException e) {
            LOG.warnf("Could not create topics yet: %s", e.getCause().getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            LOG.warnf("Could not create topics yet: %s", e.getMessage());
            return false;
        }
    }
}
