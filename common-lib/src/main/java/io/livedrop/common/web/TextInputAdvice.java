package io.livedrop.common.web;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.FieldViolation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;

/**
 * Applies {@link ControlCharacters} to every text of every {@code @RequestBody} of a servlet service,
 * right after it was read and before Bean Validation: strings of records (nested ones, lists and maps
 * included), map keys and the text nodes of a {@link JsonNode} body. Fields marked {@link FreeText} may
 * hold tab and line breaks, fields marked {@link OpaqueText} (passwords) anything; all others nothing
 * below U+0020. Every offending field is named in one 400
 * {@code VALIDATION_FAILED}, so a NUL never reaches PostgreSQL (which would refuse it with a 500).
 *
 * <p>Only request bodies of the service's own endpoints are checked: events and peer responses, read
 * with the same JSON mapper, are not.
 */
@ControllerAdvice
public class TextInputAdvice extends RequestBodyAdviceAdapter {

    private static final int MAX_DEPTH = 32;

    @Override
    public boolean supports(
            MethodParameter methodParameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        // a raw body (String, bytes) is the controller's own business, e.g. a pretty-printed JSON document
        return !(targetType instanceof Class<?> type && (type == String.class || type == byte[].class));
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        List<FieldViolation> violations = violations(body);
        if (!violations.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Request validation failed", violations);
        }
        return body;
    }

    /** The fields of {@code body} that break the rule, in declaration order; empty if there is none. */
    public static List<FieldViolation> violations(Object body) {
        List<FieldViolation> violations = new ArrayList<>();
        inspect(body, "", false, violations, 0);
        return violations;
    }

    private static void inspect(Object value, String path, boolean freeText, List<FieldViolation> out, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        switch (value) {
            case CharSequence text -> checkText(text, path, freeText, out);
            case JsonNode node -> inspectNode(node, path, out, depth);
            case Optional<?> optional -> inspect(optional.orElse(null), path, freeText, out, depth + 1);
            case Map<?, ?> map -> {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    String entryPath = child(path, key);
                    if (entry.getKey() instanceof CharSequence name) {
                        checkText(name, entryPath, false, out);
                    }
                    inspect(entry.getValue(), entryPath, freeText, out, depth + 1);
                }
            }
            case Collection<?> collection -> {
                int index = 0;
                for (Object element : collection) {
                    inspect(element, path + "[" + index++ + "]", freeText, out, depth + 1);
                }
            }
            case Object[] array -> {
                for (int i = 0; i < array.length; i++) {
                    inspect(array[i], path + "[" + i + "]", freeText, out, depth + 1);
                }
            }
            case Record record -> inspectRecord(record, path, out, depth);
            default -> {
                if (isOwnType(value.getClass())) {
                    inspectFields(value, path, out, depth);
                }
            }
        }
    }

    private static void inspectRecord(Record record, String path, List<FieldViolation> out, int depth) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.isAnnotationPresent(OpaqueText.class)) {
                continue;
            }
            Object value;
            try {
                var accessor = component.getAccessor();
                accessor.setAccessible(true);
                value = accessor.invoke(record);
            } catch (ReflectiveOperationException | RuntimeException unreadable) {
                continue;
            }
            inspect(
                    value,
                    child(path, component.getName()),
                    component.isAnnotationPresent(FreeText.class),
                    out,
                    depth + 1);
        }
    }

    /** A mutable request class of a LiveDrop service (records are the rule, but a POJO is checked too). */
    private static void inspectFields(Object object, String path, List<FieldViolation> out, int depth) {
        for (Class<?> type = object.getClass(); type != null && isOwnType(type); type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        || field.isSynthetic()
                        || field.isAnnotationPresent(OpaqueText.class)) {
                    continue;
                }
                Object value;
                try {
                    field.setAccessible(true);
                    value = field.get(object);
                } catch (ReflectiveOperationException | RuntimeException unreadable) {
                    continue;
                }
                inspect(value, child(path, field.getName()), field.isAnnotationPresent(FreeText.class), out, depth + 1);
            }
        }
    }

    private static void inspectNode(JsonNode node, String path, List<FieldViolation> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isString()) {
            checkText(node.asString(), path, false, out);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                inspectNode(node.get(i), path + "[" + i + "]", out, depth + 1);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String propertyPath = child(path, property.getKey());
                checkText(property.getKey(), propertyPath, false, out);
                inspectNode(property.getValue(), propertyPath, out, depth + 1);
            }
        }
    }

    private static void checkText(CharSequence text, String path, boolean freeText, List<FieldViolation> out) {
        if (freeText ? !ControlCharacters.isFreeText(text) : !ControlCharacters.isSingleLine(text)) {
            String field = path.isEmpty() ? "body" : path;
            String message = freeText ? ControlCharacters.FREE_TEXT_MESSAGE : ControlCharacters.SINGLE_LINE_MESSAGE;
            if (out.stream().noneMatch(v -> v.field().equals(field))) {
                out.add(new FieldViolation(field, message));
            }
        }
    }

    private static boolean isOwnType(Class<?> type) {
        return type.getName().startsWith("io.livedrop.") && !type.isEnum();
    }

    /** The path of a property; a control character in a map key is not echoed back to the client. */
    private static String child(String path, String name) {
        String safe = ControlCharacters.isSingleLine(name) ? name : name.replaceAll("\\p{Cntrl}", "?");
        return path.isEmpty() ? safe : path + "." + safe;
    }
}
