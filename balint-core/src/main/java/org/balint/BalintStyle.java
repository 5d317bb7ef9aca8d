package org.balint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project, put on every package that declares value types.
 *
 * <p>A value type is written as an abstract class {@code AbstractX}; Immutables generates the
 * public final class {@code X} with a {@code builder()}, {@code copyOf} and {@code with*} copies.
 * Collections are Guava immutable collections; {@code Optional} attributes may be absent.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeAbstract = "Abstract*",
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = true),
    depluralize = true,
    jdkOnly = false,
    allParameters = false,
    optionalAcceptNullable = false,
    // A builder refuses a missing required attribute at build(), naming the type and the attribute;
    // a null given to a builder or a with* copy is refused at once.
    validationMethod = Value.Style.ValidationMethod.SIMPLE,
    strictBuilder = false,
    // Generated code carries no Immutables annotations, so modules that use core need not have
    // the annotation processor's jar on their class path.
    allowedClasspathAnnotations = {Override.class})
public @interface BalintStyle {}
