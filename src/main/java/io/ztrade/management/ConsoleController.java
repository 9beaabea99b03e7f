package io.ztrade.management;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The runs console ({@code /console}, static files under {@code static/console/}) and who is looking at it. */
@Controller
class ConsoleController {

    record Me(String name, List<String> roles) {
    }

    @GetMapping({"/", "/console", "/console/"})
    String console() {
        return "forward:/console/index.html";
    }

    /** The console shows only the buttons the user's role allows (the API checks again). */
    @GetMapping("/api/me")
    @ResponseBody
    Me me(Authentication user) {
        return new Me(user.getName(), user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList());
    }
}
