package org.classroom.function.runtime;

/** Facts about the process the function runs in, and the one setting that must precede JavaCPP. */
public final class LambdaEnvironment {

    public static final String FUNCTION_NAME_VARIABLE = "AWS_LAMBDA_FUNCTION_NAME";
    static final String JAVACPP_CACHE = "org.bytedeco.javacpp.cachedir";

    private LambdaEnvironment() {
    }

    public static boolean inLambda() {
        return System.getenv(FUNCTION_NAME_VARIABLE) != null;
    }

    /**
     * In Lambda only {@code /tmp} is writable, so JavaCPP's natives are unpacked to {@code /tmp/javacpp};
     * this must run before any JavaCPP class loads. Elsewhere JavaCPP keeps its default cache.
     */
    public static void prepare() {
        if (inLambda() && System.getProperty(JAVACPP_CACHE) == null) {
            System.setProperty(JAVACPP_CACHE, "/tmp/javacpp");
        }
    }
}
