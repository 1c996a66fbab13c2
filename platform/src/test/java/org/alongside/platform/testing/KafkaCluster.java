package org.alongside.platform.testing;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * A replicated KRaft cluster on this machine, as production runs Kafka (deploy/kubernetes: three brokers, every topic
 * on three replicas, {@code min.insync.replicas} 2): {@code size} {@link KafkaBroker} processes from the same
 * Maven Central artifacts, each a broker and a controller of one quorum. A node can be killed ({@code kill -9}) and
 * started again with its data, to take a partition leader away.
 */
public final class KafkaCluster {

    private final List<KafkaBroker> nodes = new ArrayList<>();

    private KafkaCluster() {
    }

    /** Formats and starts the nodes, and waits until every one of them is a registered broker. */
    public static KafkaCluster start(int size, int minInSync) throws IOException {
        KafkaCluster cluster = new KafkaCluster();
        try {
            for (int id = 1; id <= size; id++) {
                cluster.nodes.add(KafkaBroker.clusterNode(id));
            }
            List<String> voters = cluster.nodes.stream().map(KafkaBroker::voter).toList();
            String clusterId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
            for (KafkaBroker node : cluster.nodes) {
                node.formatAsClusterNode(clusterId, voters, size, minInSync);
            }
            cluster.nodes.forEach(KafkaBroker::launch);
            for (KafkaBroker node : cluster.nodes) {
                node.awaitReady(Duration.ofSeconds(120));
            }
            cluster.awaitBrokers(size, Duration.ofSeconds(120));
            return cluster;
        } catch (RuntimeException | IOException e) {
            cluster.destroy();
            throw e;
        }
    }

    /** Every node's address: clients find the others, and the leaders, from any one that answers. */
    public String bootstrapServers() {
        return nodes.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    public KafkaBroker node(int nodeId) {
        return nodes.stream().filter(n -> n.nodeId() == nodeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No node " + nodeId));
    }

    /** True while a node's process is not running (killed and not yet started again). */
    public boolean anyNodeDown() {
        return nodes.stream().anyMatch(node -> !node.alive());
    }

    /** The leader of each of the topic's partitions, by partition number (-1 while a partition has none). */
    public Map<Integer, Integer> leaders(String topic) {
        Map<Integer, Integer> leaders = new TreeMap<>();
        for (TopicPartitionInfo partition : describe(topic).partitions()) {
            Node leader = partition.leader();
            leaders.put(partition.partition(), leader == null || leader.isEmpty() ? -1 : leader.id());
        }
        return leaders;
    }

    /** The in-sync replicas of each of the topic's partitions, by partition number. */
    public Map<Integer, Set<Integer>> inSyncReplicas(String topic) {
        Map<Integer, Set<Integer>> isr = new TreeMap<>();
        for (TopicPartitionInfo partition : describe(topic).partitions()) {
            isr.put(partition.partition(), partition.isr().stream().map(Node::id).collect(Collectors.toSet()));
        }
        return isr;
    }

    /** The number of replicas each of the topic's partitions has (its replication factor). */
    public int replicas(String topic) {
        return describe(topic).partitions().get(0).replicas().size();
    }

    /**
     * The topic as the cluster describes it. A topic a service has just created may not yet be in the metadata of
     * the broker that answers (each learns of it from the controller in its own time): that is waited for.
     */
    private TopicDescription describe(String topic) {
        Instant deadline = Instant.now().plusSeconds(30);
        try (Admin admin = admin()) {
            while (true) {
                try {
                    return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || Instant.now().isAfter(deadline)) {
                        throw e;
                    }
                }
                Thread.sleep(200);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not describe " + topic, e);
        }
    }

    private void awaitBrokers(int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try (Admin admin = admin()) {
                if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == count) {
                    return;
                }
            } catch (Exception notYet) {
                // a node still joining
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(count + " brokers not registered within " + timeout);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    /** Kills every node and removes their data. */
    public void destroy() {
        nodes.parallelStream().forEach(KafkaBroker::destroy);
    }
}
