"""Fill the floor site by site, each site on its own, on every core for a big floor.

A site is a group of halls that touch. Nothing one site holds narrows another's aisles or
blocks its doors, so each site is filled from the plan's pieces near it alone (obstacles,
door clearances, booths kept from before and the aisles they front on). The result is then the
same whichever order, or whichever process, fills the sites: packing stays deterministic, and a
floor of many halls costs the sum of its sites. Big floors fill their sites in worker processes
(Python threads would wait on each other for the interpreter); small ones stay in-process,
where starting workers would cost more than it saves.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from planner.model.plan import Plan
from planner.model.rule_geometry import sites
from planner.packing.fill import Floor, Pool, fill_region, keep_ways_open, near, prepare_floor
from planner.packing.regions import Region
from planner.packing.search import Layout

PARALLEL_AREA = 30_000.0  # m² of regions to fill (three Lào Cai floors) before workers pay off
WORKERS_ENV = "BOOTHPLAN_PACK_WORKERS"  # "1" keeps packing in-process; a number caps workers


@dataclass(frozen=True, slots=True)
class FloorPieces:
    """What the whole plan holds that a site may meet, each kind as an array of polygons."""

    floor_aisle: float
    solid: np.ndarray  # obstacles no booth may hold
    obstacles: np.ndarray  # every obstacle
    columns: np.ndarray  # columns a booth may hold (column-in-booth option)
    doors: np.ndarray  # door clear rectangles
    exits: np.ndarray  # where people leave (clear rectangles, outlines of open-air halls)
    kept: np.ndarray  # booths that stay
    fronts: np.ndarray  # the aisles kept booths front on


@dataclass(frozen=True, slots=True)
class SiteJob:
    site: BaseGeometry  # the site's halls as one area
    regions: tuple[Region, ...]  # to fill, in order
    neighbours: tuple[Region, ...]  # every packable region of the site (aisles between them)

    @property
    def names(self) -> str:
        return ", ".join(dict.fromkeys(r.name for r in self.regions))


Check = Callable[[], None]
Tell = Callable[[float, str], None]


def fill_site(
    pieces: FloorPieces,
    job: SiteJob,
    baseline: bool,
    check_cancel: Check | None = None,
    starting: Callable[[Region], None] | None = None,
) -> list[list[Layout]]:
    """The layouts of each of the job's regions, in order; ``starting`` hears of each region
    before it is filled (for progress)."""
    check = check_cancel or (lambda: None)
    # Work on a region looks at most a booth and an aisle beyond it (see fill._space).
    reach = max(max(r.booth) + r.aisle for r in (*job.neighbours, *job.regions)) + 1.0
    around = shapely.buffer(shapely.box(*job.site.bounds), reach, join_style="mitre")
    floor = Floor(
        hall=job.site,
        floor_aisle=pieces.floor_aisle,
        solid=near(pieces.solid, around),
        obstacles=near(pieces.obstacles, around),
        columns=near(pieces.columns, around),
        doors=list(near(pieces.doors, around)),
        exits=near(pieces.exits, around),
        occupied=Pool(near(pieces.kept, around)),
        reserved=Pool(near(pieces.fronts, around)),
    )
    prepare_floor(floor)
    if not baseline:
        keep_ways_open(floor, list(job.neighbours))
    out = []
    for region in job.regions:
        if starting is not None:
            starting(region)
        out.append(fill_region(floor, region, check, baseline))
    return out


def site_jobs(plan: Plan, ordered: list[Region], all_regions: list[Region]) -> list[SiteJob]:
    """The regions to fill grouped by site, in fill order, with every region of each site."""
    areas = sites(plan)
    tree = shapely.STRtree(np.array(areas, dtype=object))
    halls = list(plan.halls)
    points = [plan.halls[h].geometry.representative_point() for h in halls]
    hall_idx, site_idx = tree.query_nearest(points, all_matches=False)
    site_of_hall = {halls[int(h)]: int(k) for h, k in zip(hall_idx, site_idx, strict=True)}
    jobs = []
    for k, site in enumerate(areas):
        mine = tuple(r for r in ordered if site_of_hall[r.hall_id] == k)
        if mine:
            around = tuple(r for r in all_regions if site_of_hall[r.hall_id] == k)
            jobs.append(SiteJob(site, mine, around))
    return jobs


def workers_for(jobs: list[SiteJob], requested: int | None = None) -> int:
    """How many processes to fill ``jobs`` with: one unless the floor is big and has sites to
    share out (``requested``, or the environment variable, overrides the size rule)."""
    cores = os.cpu_count() or 1
    if requested is None and os.environ.get(WORKERS_ENV, "").strip().isdigit():
        requested = int(os.environ[WORKERS_ENV])
    if requested is not None:
        return max(1, min(requested, len(jobs)))
    area = sum(r.geometry.area for job in jobs for r in job.regions)
    if len(jobs) < 2 or area < PARALLEL_AREA:
        return 1
    return max(1, min(cores, len(jobs)))


def fill_sites(
    pieces: FloorPieces,
    jobs: list[SiteJob],
    baseline: bool,
    check_cancel: Check,
    tell: Tell,
    workers: int = 1,
) -> list[list[list[Layout]]]:
    """``fill_site`` for every job, in-process or in ``workers`` processes; results in order."""
    results: dict[int, list[list[Layout]]] = {}
    if workers > 1:
        # A worker that cannot start or dies (a script without a main guard, no memory)
        # leaves its sites to be filled here below; the booths are the same.
        with contextlib.suppress(BrokenProcessPool):
            _fill_in_workers(pieces, jobs, baseline, check_cancel, tell, workers, results)
    total = sum(_size(job) for job in jobs) or 1.0
    done = sum(_size(jobs[k]) for k in results)

    def starting(region: Region) -> None:
        nonlocal done
        check_cancel()
        tell(done / total, f"Packing {region.name}")
        done += region.geometry.area

    for k, job in enumerate(jobs):
        if k not in results:
            results[k] = fill_site(pieces, job, baseline, check_cancel, starting)
    return [results[k] for k in range(len(jobs))]


def _fill_in_workers(
    pieces: FloorPieces,
    jobs: list[SiteJob],
    baseline: bool,
    check_cancel: Check,
    tell: Tell,
    workers: int,
    results: dict[int, list[list[Layout]]],
) -> None:
    total = sum(_size(job) for job in jobs) or 1.0
    # forkserver: workers start from a clean process, never by forking the app's threads.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(pieces, baseline)
    )
    try:
        # The biggest sites first, so no core is left with a big one at the end.
        order = sorted(range(len(jobs)), key=lambda k: -_size(jobs[k]))
        pending = {pool.submit(_fill_in_worker, jobs[k]): k for k in order}
        tell(0.0, f"Packing {len(jobs)} sites on {workers} cores")
        done = 0.0
        while pending:
            check_cancel()
            finished, _ = wait(pending, timeout=0.05, return_when=FIRST_COMPLETED)
            for future in finished:
                k = pending.pop(future)
                results[k] = future.result()
                done += _size(jobs[k])
                tell(done / total, f"Packed {jobs[k].names}")
    finally:
        # On cancel or failure, stop at once rather than let workers finish their sites.
        pool.shutdown(wait=False, cancel_futures=True)
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()


def _size(job: SiteJob) -> float:
    return sum(r.geometry.area for r in job.regions)


# What a worker process fills its sites from: the plan's pieces and the baseline flag.
_worker: dict[str, tuple[FloorPieces, bool]] = {}


def _start_worker(pieces: FloorPieces, baseline: bool) -> None:
    # As in the parent (packer._collector_paused): short-lived arrays, no reference cycles.
    gc.disable()
    _worker["setup"] = (pieces, baseline)


def _fill_in_worker(job: SiteJob) -> list[list[Layout]]:
    pieces, baseline = _worker["setup"]
    return fill_site(pieces, job, baseline)


__all__ = ["FloorPieces", "SiteJob", "fill_site", "fill_sites", "site_jobs", "workers_for"]
