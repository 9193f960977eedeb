package org.classroom.function.process;

/** An input object's current version as S3 describes it: its ETag (unquoted) and size in bytes (-1 unknown). */
public record ObjectHead(String etag, long size) {
}
