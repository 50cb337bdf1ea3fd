package io.milepost.engine.state;

import io.milepost.engine.api.BusinessIdPaths;
import tools.jackson.databind.json.JsonMapper;

/** All state of the store as one transaction sees it, with the event log that transaction writes. */
public final class EngineState {

  private final Sql sql;
  private final EventLog log = new EventLog();
  private final Events events;
  private final ElementInstances elementInstances;
  private final ProcessInstances processInstances;
  private final Variables variables;
  private final BusinessIdIndex businessIds;
  private final Joins joins;
  private final Jobs jobs;
  private final Incidents incidents;
  private final UserTasks userTasks;
  private final Definitions definitions;
  private final Timers timers;
  private final SignalSubscriptions signalSubscriptions;
  private final CompensationSubscriptions compensationSubscriptions;
  private final Messages messages;
  private final Decisions decisions;

  public EngineState(Sql sql, JsonMapper json, KeySource keys, long now, BusinessIdPaths businessIdPaths) {
    this.sql = sql;
    this.events = new Events(log, json, now);
    this.elementInstances = new ElementInstances(sql, events);
    this.processInstances = new ProcessInstances(sql, events);
    this.businessIds = new BusinessIdIndex(sql, json, businessIdPaths);
    this.variables = new Variables(sql, events, keys, businessIds);
    this.joins = new Joins(sql, events);
    this.jobs = new Jobs(sql, events, json);
    this.incidents = new Incidents(sql, events);
    this.userTasks = new UserTasks(sql, events, json);
    this.definitions = new Definitions(sql, events);
    this.timers = new Timers(sql, events);
    this.signalSubscriptions = new SignalSubscriptions(sql, events);
    this.compensationSubscriptions = new CompensationSubscriptions(sql, events);
    this.messages = new Messages(sql, events);
    this.decisions = new Decisions(sql, events);
  }

  public long now() { return events.now(); }

  public Sql sql() { return sql; }

  public ElementInstances elementInstances() { return elementInstances; }

  public ProcessInstances processInstances() { return processInstances; }

  public Variables variables() { return variables; }

  public BusinessIdIndex businessIds() { return businessIds; }

  public Joins joins() { return joins; }

  public Jobs jobs() { return jobs; }

  public Incidents incidents() { return incidents; }

  public UserTasks userTasks() { return userTasks; }

  public Definitions definitions() { return definitions; }

  public Timers timers() { return timers; }

  public SignalSubscriptions signalSubscriptions() { return signalSubscriptions; }

  public CompensationSubscriptions compensationSubscriptions() { return compensationSubscriptions; }
  public Messages messages() { return messages; }

  public Decisions decisions() { return decisions; }

  /** Writes the rows held back and the collected events; called once, when the command has done its steps. */
  public void flush() {
    elementInstances.flush();
    jobs.flush();
    log.flush(sql);
  }
}
