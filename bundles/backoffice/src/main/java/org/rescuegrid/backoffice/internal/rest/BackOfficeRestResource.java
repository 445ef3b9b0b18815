package org.rescuegrid.backoffice.internal.rest;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rescuegrid.backoffice.internal.AuditTrail;
import org.rescuegrid.backoffice.internal.BackOffice;
import org.rescuegrid.frontoffice.rest.ApiRequest;
import org.rescuegrid.frontoffice.rest.ApiResponse;
import org.rescuegrid.frontoffice.rest.ApiUser;
import org.rescuegrid.frontoffice.rest.RestResource;

/** Serves the back office's REST API ({@link BackOfficeApi}) below the front office's base path, with its login. */
@Component(service = RestResource.class)
public class BackOfficeRestResource implements RestResource {

    private final BackOfficeApi api;

    @Activate
    public BackOfficeRestResource(@Reference BackOffice backOffice, @Reference AuditTrail audit) {
        this.api = new BackOfficeApi(backOffice, audit);
    }

    @Override
    public List<String> roots() {
        return BackOfficeApi.ROOTS;
    }

    @Override
    public ApiResponse handle(ApiRequest request, ApiUser user) {
        return api.handle(request, user);
    }
}
