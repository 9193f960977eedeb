/**
 * The Lambda function: events in, results out, exactly once in effect.
 *
 * <p>{@link org.classroom.function.RecogniseHandler} reads the event ({@code event}: SQS of S3
 * notifications, a direct S3 event, or {@code {"bucket","key"}}), and {@link org.classroom.function.FunctionRuntime}
 * (one per container: clients, engines, gallery, student records) runs each object through
 * {@code process.ObjectProcessor}:
 * <ol>
 *   <li>the ledger: HEAD {@code <stem>.json} in the output bucket; its metadata
 *       {@code x-amz-meta-source-etag} and {@code x-amz-meta-sent} say whether this object version was
 *       already done (skip), written but maybe not sent (send once more), or not done (go on);</li>
 *   <li>a video read by ranged GetObjects of the version claimed, as FFmpeg needs its bytes (an enrolment
 *       photo streamed to a temporary file, deleted afterwards);</li>
 *   <li>the engine (or, under {@code enrol/}, enrolment), then each person's record from the student table;</li>
 *   <li>the seed CSV {@code <stem>}, the JSON {@code <stem>.json} (not sent), the output-queue message, and
 *       the JSON marked sent.</li>
 * </ol>
 * Bad input ends as a final {@code invalid-video} result; AWS faults are retried with backoff
 * ({@code runtime.Retrier}) and then reported in the SQS batch response, so the queue retries the message.
 */
package org.classroom.function;
