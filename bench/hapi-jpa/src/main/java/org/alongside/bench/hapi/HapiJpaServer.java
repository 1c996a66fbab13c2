package org.alongside.bench.hapi;

import ca.uhn.fhir.rest.server.RestfulServer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * HAPI FHIR's JPA server (R4, PostgreSQL) on embedded Jetty at http://127.0.0.1:{port}/fhir, the peer that
 * bench/IntakeBench.java measures Alongside's intake against. Started and stopped by bench/hapi-jpa.sh.
 */
public final class HapiJpaServer {

    private HapiJpaServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("hapi.port", 8090);
        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext(PeerConfig.class);
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(System.getProperty("hapi.host", "127.0.0.1"));
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder fhir = new ServletHolder(spring.getBean(RestfulServer.class));
        fhir.setInitOrder(1);
        context.addServlet(fhir, "/fhir/*");
        jetty.setHandler(context);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                jetty.stop();
            } catch (Exception e) {
                e.printStackTrace();
            }
            spring.close();
        }));
        jetty.start();
        System.out.println("HAPI FHIR JPA server ready at http://" + connector.getHost() + ":" + port + "/fhir");
        jetty.join();
    }
}
