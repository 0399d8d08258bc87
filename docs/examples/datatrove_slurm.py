"""Clean a JSONL corpus on a Slurm cluster with datatrove.

    pip install 'newsnoise[datatrove]'
    python datatrove_slurm.py s3://bucket/raw/ s3://bucket/clean/ --tasks 500

Each Slurm array task reads its share of the input files, cleans each document's text
with cleaner and writes JSONL; counts per rule and category land in the logging folder's
stats.json (merged over tasks).
"""
import argparse

from datatrove.executor import SlurmPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from cleaner import Config
from cleaner.integrations.datatrove import CleanNewsText

parser = argparse.ArgumentParser()
parser.add_argument("input")
parser.add_argument("output")
parser.add_argument("--tasks", type=int, default=100)
parser.add_argument("--partition", default="cpu")
parser.add_argument("--logs", default="logs/cleaner")
args = parser.parse_args()

SlurmPipelineExecutor(
    job_name="clean-news",
    pipeline=[
        JsonlReader(args.input),
        CleanNewsText(config=Config(ignore=()), trace_key="cleaner"),
        JsonlWriter(args.output),
    ],
    tasks=args.tasks,
    time="04:00:00",
    partition=args.partition,
    cpus_per_task=1,           # cleaner is single-threaded per task: scale with tasks
    mem_per_cpu_gb=2,
    logging_dir=args.logs,
).run()
