package nl.hgkm.keten.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that BPMN and DMN expressions may use (delegates by {@code ${beanName}}, retry profiles,
 * terms). Only beans with this mark are visible to the engine's expression language, so a process owner cannot
 * reach arbitrary application beans from a model.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProcesBean {}
