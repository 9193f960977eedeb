package org.classroom.localsystem;

/**
 * The access keys the parts of the local system use, one per principal of the CloudFormation template
 * ({@link org.classroom.localcloud.iam.TemplatePolicies#PARTS}); provisioning and the user's own clients
 * use the administrator's ({@code local}).
 */
public final class Parts {

    public static final String FUNCTION = "function";
    public static final String RELAY = "relay";
    public static final String DESKTOP = "desktop";

    private Parts() {
    }
}
