package nl.hgkm.keten.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import nl.hgkm.keten.KetenApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real application, as {@code java -jar} starts it in the demo profile (demo users, the demo police, care and
 * register simulators over HTTP, the demo SMTP server), on the given database, on free ports, with the job executor
 * off: the benchmark drives jobs and timers itself, except where it measures the job executor. The only addition is
 * the SQL counter around the DataSource.
 */
final class KetenApp implements AutoCloseable {

  final ConfigurableApplicationContext context;
  final ProcessEngine engine;
  final String basisUrl;
  final Database database;

  private KetenApp(ConfigurableApplicationContext context, Database database) {
    this.context = context;
    this.database = database;
    this.engine = context.getBean(ProcessEngine.class);
    this.basisUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  static KetenApp start(Database database, SqlTeller teller) {
    Map<String, Object> eigenschappen = new HashMap<>();
    eigenschappen.put("server.port", 0);
    eigenschappen.put("spring.datasource.url", database.url);
    eigenschappen.put("spring.datasource.username", database.gebruiker);
    eigenschappen.put("spring.datasource.password", database.wachtwoord);
    eigenschappen.put("camunda.bpm.job-execution.enabled", false);
    int smtp = vrijePoort();
    eigenschappen.put("keten.demo.smtp-poort", smtp);
    eigenschappen.put("spring.mail.port", smtp);
    eigenschappen.put("keten.demo.politie-poort", vrijePoort());
    eigenschappen.put("keten.demo.zorg-poort", vrijePoort());
    eigenschappen.put("keten.demo.register-poort", vrijePoort());
    eigenschappen.put("logging.level.root", "WARN");
    eigenschappen.put("logging.level.nl.hgkm.keten.bench", "INFO");
    eigenschappen.put("spring.main.banner-mode", "off");
    // As command-line arguments: they outrank application.yaml, as they would for java -jar.
    String[] argumenten = eigenschappen.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(KetenApplication.class)
        .profiles("demo")
        .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(teller.alsPostProcessor()))
        .run(argumenten);
    return new KetenApp(context, database);
  }

  static int vrijePoort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException fout) {
      throw new UncheckedIOException(fout);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
