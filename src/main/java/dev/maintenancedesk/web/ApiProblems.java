package dev.maintenancedesk.web;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The one API handler: every refusal of every module, and of Spring MVC itself, as RFC 9457
 * problem+json in the shape of the {@code problem} module (a 400 names its {@code field} and lists
 * {@code errors} with {@code field}, {@code code} and {@code message}). What a refusal says is decided
 * by {@link RequestRefusals}, which the browser pages share; nothing ever carries a stack trace.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** Every exception Spring MVC knows ends here: answered as the desk's refusal it stands for. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ErrorResponse refusal = RequestRefusals.of(ex);
        if (refusal == null || refusal == ex) {
            ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
            if (answer != null && answer.getBody() instanceof ProblemDetail detail) {
                typed(detail);
            }
            return answer;
        }
        return answer(refusal, headers, request);
    }

    /** Refusals Spring MVC does not know (the desk's own problems, a broken multipart body), and bugs. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) throws Exception {
        if (ex instanceof org.springframework.security.access.AccessDeniedException
                || ex instanceof org.springframework.security.core.AuthenticationException) {
            throw ex;
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
            // The client went away (closed tab, broken pipe, aborted download): normal life, not a bug; there
            // is nobody left to answer.
            log.debug("Client gone during {}: {}", request.getDescription(false), ex.toString());
            return null;
        }
        ErrorResponse refusal = RequestRefusals.of(ex);
        if (refusal != null) {
            return answer(refusal, new HttpHeaders(), request);
        }
        // A bug, not bad input: logged with its trace here, answered without one.
        log.error("Unexpected error on {}", request.getDescription(false), ex);
        if (request instanceof ServletWebRequest servlet && BrowserErrorPages.wantsPage(servlet.getRequest())) {
            // A person at a browser gets the 500 page (through the container's error dispatch), not JSON.
            throw ex;
        }
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        detail.setType(URI.create("/problems/internal-error"));
        return createResponseEntity(detail, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private ResponseEntity<Object> answer(ErrorResponse refusal, HttpHeaders headers, WebRequest request) {
        HttpHeaders all = new HttpHeaders();
        all.putAll(headers);
        all.putAll(refusal.getHeaders());
        return createResponseEntity(typed(refusal.getBody()), all, refusal.getStatusCode(), request);
    }

    /** Spring's own refusals say {@code about:blank}; the desk's types are all {@code /problems/<code>}. */
    private static ProblemDetail typed(ProblemDetail detail) {
        if (detail.getType() == null || "about:blank".equals(detail.getType().toString())) {
            HttpStatus status = HttpStatus.resolve(detail.getStatus());
            String code = status == null ? "error" : status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-");
            detail.setType(URI.create("/problems/" + code));
        }
        return detail;
    }
}
