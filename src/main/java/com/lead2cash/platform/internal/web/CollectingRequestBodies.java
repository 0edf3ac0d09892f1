package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.web.RequestBodies;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link RequestBodies} on the application's JSON mapper, with the input rules' deserializers collecting. */
@Component
class CollectingRequestBodies implements RequestBodies {

    private final JsonMapper json;

    CollectingRequestBodies(JsonMapper json) {
        this.json = json;
    }

    @Override
    public <T> Read<T> readCollecting(JsonNode body, Class<T> type) {
        List<FieldValidationException.FieldError> refused = new ArrayList<>();
        T value;
        try {
            value = json.readerFor(type).withAttribute(InputRulesJacksonModule.CHECKED, Boolean.TRUE)
                    .withAttribute(InputRulesJacksonModule.COLLECTED, refused).readValue(body);
        } catch (JacksonException e) {
            // as the converter answers it: 400 naming the field (ApiExceptionHandler)
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, null);
        }
        if (value == null) {
            throw new HttpMessageNotReadableException("Required request body is missing", null);
        }
        return new Read<>(value, refused);
    }
}
