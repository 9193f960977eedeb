package org.classroom.provision;

import java.util.List;
import java.util.Optional;
import org.classroom.provision.ProvisionReport.Change;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Creates an on-demand table keyed by one string attribute, or checks that the existing one is keyed so. */
final class Tables {

    private final DynamoDbClient dynamoDb;
    private final ProvisionReport report;

    Tables(DynamoDbClient dynamoDb, ProvisionReport report) {
        this.dynamoDb = dynamoDb;
        this.report = report;
    }

    /**
     * @param setting the setting that names the table, for the error that says how to pick another
     */
    void ensure(String table, String keyName, String setting) {
        String resource = "table " + table;
        Optional<TableDescription> current = describe(table);
        if (current.isPresent()) {
            List<KeySchemaElement> key = current.get().keySchema();
            if (key.size() != 1 || !key.get(0).attributeName().equals(keyName)) {
                throw new IllegalStateException("the table " + table + " exists but its key is not just \"" + keyName
                        + "\": name another table with --set " + setting + "=...");
            }
            report.add(resource, Change.UNCHANGED);
            return;
        }
        dynamoDb.createTable(request -> request.tableName(table)
                .keySchema(KeySchemaElement.builder().attributeName(keyName).keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName(keyName)
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(table));
        report.add(resource, Change.CREATED, "key " + keyName + ", on demand");
    }

    private Optional<TableDescription> describe(String table) {
        try {
            return Optional.of(dynamoDb.describeTable(request -> request.tableName(table)).table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }
}
