package org.noticeline.security;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser that signed in through the form: it sends the session cookie, and reads CSRF tokens off pages. */
public record BrowserSession(String cookie) {

    public static BrowserSession signIn(String token) {
        String cookie = RestAssured.given().redirects().follow(false).formParam("token", token).post("/admin/sign-in")
                .then().statusCode(303).extract().cookie(SessionCookie.NAME);
        assertThat(cookie).isNotBlank();
        return new BrowserSession(cookie);
    }

    /** A request as this browser makes it: with the cookie, and seeing redirects rather than following them. */
    public RequestSpecification request() {
        return RestAssured.given().redirects().follow(false).cookie(SessionCookie.NAME, cookie);
    }

    /** The CSRF token in the forms of one of our pages. */
    public String csrf(String page) {
        String html = request().accept("text/html").get(page).then().statusCode(200).extract().asString();
        String token = Jsoup.parse(html).select("input[name=" + CsrfToken.FIELD + "]").val();
        assertThat(token).isNotBlank();
        return token;
    }
}
