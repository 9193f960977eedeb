"""The course's grading flow, with boto3, against an S3 endpoint.

Clears the output bucket, uploads test case 1 (the hand-out's clips) and test case 2 (the 100 copies
named in `mapping`), waits until the output bucket holds one object per distinct video key (or the
timeout), then checks every object's line. Prints one JSON summary on the last line.

usage: grading_flow.py ENDPOINT INPUT_BUCKET OUTPUT_BUCKET SAMPLES_DIR TIMEOUT_SECONDS
"""
import csv
import json
import os
import sys
import time

import boto3

endpoint, input_bucket, output_bucket, samples, timeout = sys.argv[1:6]
s3 = boto3.client("s3", endpoint_url=endpoint)

with open(os.path.join(samples, "student_data.json")) as f:
    students = json.load(f)
with open(os.path.join(samples, "expected.csv")) as f:
    clip_of_student = {row["name"]: row["video"] for row in csv.DictReader(f)}


def line(student):
    return "%s,%s,%s" % (student["name"], student["major"], student["year"])


def student_for(major, year):
    """The mapping spells some years differently from student_data.json (freshman / freshmen)."""
    for exact in (True, False):
        for student in students:
            same_year = student["year"] == year if exact else student["year"][:6] == year[:6]
            if student["major"] == major and same_year:
                return student
    raise SystemExit("no student is %s, %s" % (major, year))


# What each key's output object must hold at the end; a later upload of a key replaces the earlier.
expected = {}
uploads = []
for name, video in clip_of_student.items():
    student = next(s for s in students if s["name"] == name)
    uploads.append((video, video))
    expected[video] = line(student)
with open(os.path.join(samples, "mapping")) as f:
    for entry in f.read().split():
        key, major_year = entry.split(":")
        student = student_for(*major_year.split(","))
        uploads.append((key, clip_of_student[student["name"]]))
        expected[key] = line(student)

pages = s3.get_paginator("list_objects_v2")
for page in pages.paginate(Bucket=output_bucket):
    for obj in page.get("Contents", []):
        s3.delete_object(Bucket=output_bucket, Key=obj["Key"])

start = time.time()
for key, clip in uploads:
    s3.upload_file(os.path.join(samples, "videos", clip), input_bucket, key)
uploaded = time.time()

wanted = {key.rsplit(".", 1)[0]: text for key, text in expected.items()}
found = {}
while time.time() - start < float(timeout):
    found = {obj["Key"] for page in pages.paginate(Bucket=output_bucket) for obj in page.get("Contents", [])}
    if found >= set(wanted):
        break
    time.sleep(0.5)
done = time.time()

wrong = {}
for key in sorted(found):
    body = s3.get_object(Bucket=output_bucket, Key=key)["Body"].read().decode("utf-8")
    if key not in wanted or body != wanted[key]:
        wrong[key] = body
print(json.dumps({
    "uploads": len(uploads),
    "distinct_keys": len(wanted),
    "objects": len(found),
    "right": len([k for k in found if k in wanted and k not in wrong]),
    "wrong": wrong,
    "missing": sorted(set(wanted) - found),
    "upload_seconds": round(uploaded - start, 2),
    "seconds": round(done - start, 2),
}))
