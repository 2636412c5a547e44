package io.livedrop.gateway.storefront.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web client (module {@code web}, built to {@code WEB_DIST_DIR}) is served at {@code /} by the
 * gateway, so the app and the API share one origin (no CORS, cookies or tokens across sites). Vite's
 * {@code /assets/*} files carry a content hash in their names and are cached for a year; {@code
 * index.html} is revalidated on every visit, so a deployment is picked up at once. A browser opening a
 * client-side route ({@code /drops/…}, {@code /orders}, …) gets {@code index.html}; the API, the
 * realtime endpoints, GraphQL and the gateway's own pages never do.
 */
@Configuration(proxyBeanMethods = false)
class Storefront implements WebFluxConfigurer {

    private static final List<String> NOT_THE_APP = List.of(
            "/api/",
            "/internal/",
            "/ws",
            "/graphql",
            "/graphiql",
            "/actuator",
            "/v3/",
            "/swagger-ui",
            "/webjars/",
            "/.well-known/",
            "/assets/");

    private final Path distDir;

    Storefront(@Value("${livedrop.web.dist-dir}") String distDir) {
        this.distDir = Path.of(distDir).toAbsolutePath().normalize();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(location("assets"))
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/**").addResourceLocations(location("")).setCacheControl(CacheControl.noCache());
    }

    @Bean
    RouterFunction<ServerResponse> storefrontPages() {
        RequestPredicate clientRoute = RequestPredicates.GET("/**")
                .and(request -> asksForAPage(request.headers().accept()))
                .and(request -> isClientRoute(request.path()));
        return RouterFunctions.route(clientRoute, request -> {
            Path index = distDir.resolve("index.html");
            if (!Files.isReadable(index)) {
                return ServerResponse.notFound().build();
            }
            return ServerResponse.ok()
                    .contentType(MediaType.TEXT_HTML)
                    .cacheControl(CacheControl.noCache())
                    .bodyValue(new FileSystemResource(index));
        });
    }

    /**
     * A browser navigating names {@code text/html}; an API client that sends no {@code Accept} (or
     * {@code *}{@code /*}) gets the 404 problem of an unknown path, not the app.
     */
    static boolean asksForAPage(List<MediaType> accepted) {
        return accepted.stream().anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
    }

    /** A path the app's router owns: not the API or the gateway's own pages, and not a file. */
    static boolean isClientRoute(String path) {
        if (NOT_THE_APP.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    private String location(String sub) {
        return "file:" + distDir.resolve(sub) + "/";
    }
}
