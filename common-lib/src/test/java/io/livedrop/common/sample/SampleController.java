package io.livedrop.common.sample;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SampleController {

    enum Colour {
        RED,
        GREEN
    }

    record SampleRequest(
            @NotBlank String name, @NotNull @Min(1) Integer quantity, Colour colour) {}

    @PostMapping("/samples")
    @ResponseStatus(HttpStatus.CREATED)
    SampleRequest create(@Valid @RequestBody SampleRequest request) {
        return request;
    }

    @GetMapping("/samples/public/{number}")
    Map<String, Object> publicRead(
            @PathVariable int number, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return Map.of("number", number, "limit", limit);
    }

    @GetMapping("/samples/me")
    Map<String, String> me(AuthenticatedUser user) {
        return Map.of("id", user.id());
    }

    @GetMapping("/samples/header")
    Map<String, String> header(@RequestHeader("X-Needed") String needed) {
        return Map.of("needed", needed);
    }

    @GetMapping("/samples/sold-out")
    void soldOut() {
        throw new ApiException(ErrorCode.SOLD_OUT, "Only 0 left");
    }

    @GetMapping("/samples/boom")
    void boom() {
        throw new IllegalStateException("secret internals");
    }

    @GetMapping("/internal/samples")
    Map<String, String> internal() {
        return Map.of("internal", "yes");
    }
}
