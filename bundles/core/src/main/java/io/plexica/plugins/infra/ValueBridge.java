package io.plexica.plugins.infra;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Carries a value of a service's API from one version of the API's classes to another: two versions
 * of a plugin (crm 1.1 and 1.2) export the same package from their own class loaders, and a caller
 * wired to one calls the other. Records are rebuilt component by component (by name), enums by
 * name, lists, sets, maps and optionals element by element; the JDK's own values (strings, numbers,
 * UUIDs, times) pass as they are. Anything else cannot cross and is refused.
 */
final class ValueBridge {
  private ValueBridge() {}

  /** {@code value} as {@code target} (a type of the receiving side) takes it. */
  static Object copy(Object value, Type target) {
    if (value == null) {
      return null;
    }
    Class<?> raw = raw(target);
    if (value instanceof Optional<?> optional) {
      return optional.map(inner -> copy(inner, argument(target, 0)));
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copied = new LinkedHashMap<>();
      map.forEach((k, v) -> copied.put(copy(k, argument(target, 0)), copy(v, argument(target, 1))));
      return Collections.unmodifiableMap(copied);
    }
    if (value instanceof Collection<?> collection) {
      Collection<Object> copied =
          Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
      collection.forEach(element -> copied.add(copy(element, argument(target, 0))));
      return copied instanceof List<Object> list
          ? Collections.unmodifiableList(list)
          : Collections.unmodifiableSet((Set<Object>) copied);
    }
    if (raw.isInstance(value)) {
      return value;
    }
    if (raw.isEnum() && value instanceof Enum<?> constant) {
      return enumConstant(raw, constant.name());
    }
    if (raw.isRecord() && value.getClass().isRecord()) {
      return record(value, raw);
    }
    throw new IllegalArgumentException(
        "A " + value.getClass().getName() + " cannot cross between versions of a service's API");
  }

  private static Object record(Object value, Class<?> target) {
    RecordComponent[] components = target.getRecordComponents();
    Object[] arguments = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      types[i] = component.getType();
      arguments[i] =
          component(value, component.getName())
              .map(v -> copy(v, component.getGenericType()))
              .orElse(types[i].isPrimitive() ? zero(types[i]) : null);
    }
    try {
      Constructor<?> canonical = target.getDeclaredConstructor(types);
      return canonical.newInstance(arguments);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Cannot rebuild " + target.getName(), e);
    }
  }

  private static Optional<Object> component(Object record, String name) {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      if (component.getName().equals(name)) {
        try {
          return Optional.ofNullable(component.getAccessor().invoke(record));
        } catch (ReflectiveOperationException e) {
          throw new IllegalArgumentException("Cannot read " + name + " of " + record.getClass(), e);
        }
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(Class<?> type, String name) {
    return Enum.valueOf((Class) type, name);
  }

  private static Object zero(Class<?> primitive) {
    if (primitive == boolean.class) {
      return false;
    }
    if (primitive == char.class) {
      return '\0';
    }
    return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(primitive, 1), 0);
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return raw(p.getRawType());
    }
    if (type instanceof WildcardType w) {
      return raw(w.getUpperBounds()[0]);
    }
    if (type instanceof TypeVariable<?> v) {
      return raw(v.getBounds()[0]);
    }
    return Object.class;
  }

  private static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }
}
