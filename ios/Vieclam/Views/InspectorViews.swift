// The inspector's screens: the running plans, sites as a list or a MapKit map (nearest first), the site check
// (verdict, checklist, photos, finish), the plot walk, the commune minutes (printed from the core's HTML) and the
// sync status. Each draws the core's record as it comes; judgement is the core's.
import MapKit
import SwiftUI
import UIKit
import VieclamCore

struct PlanView: View {
    @EnvironmentObject var model: AppModel
    @State private var plans: PlanList?
    @State private var error: String?

    var body: some View {
        List {
            if let error { Text(error).foregroundColor(Theme.bad) }
            if let plans {
                if plans.plans.isEmpty { Text(plans.emptyText) }
                ForEach(plans.plans, id: \.planId) { plan in
                    Section {
                        VStack(alignment: .leading, spacing: 4) { Text(plan.title).font(.headline); Text(plan.datesText) }
                        ForEach(plan.communes, id: \.communeCode) { c in
                            NavigationLink {
                                MinutesView(planId: plan.planId, communeCode: c.communeCode)
                            } label: {
                                VStack(alignment: .leading, spacing: 4) { Text(c.communeName).font(.headline); Text(c.sitesText) }
                                    .frame(minHeight: Theme.minTarget)
                            }
                        }
                    } header: { Text(plan.code) }
                }
            }
        }
        .navigationTitle(plans?.title ?? "")
        .task { plans = attempt($error) { try model.core.currentPlans(on: isoToday()) } }
    }
}

struct SitesView: View {
    @EnvironmentObject var model: AppModel
    @State private var sites: [SiteRow] = []
    @State private var showMap = false
    @State private var error: String?
    @State private var openCheck: (check: String, site: String)?
    @State private var starting = false
    /// Looking for the first fix (the list says so instead of staying blank), and why it failed, if it did.
    @State private var locating = true
    @State private var locationProblem: String?

    var body: some View {
        VStack {
            Picker("", selection: $showMap) { Text("show_list").tag(false); Text("show_map").tag(true) }.pickerStyle(.segmented)
            if locating { ProgressView("working") }
            if let locationProblem {
                Text(locationProblem).foregroundColor(Theme.bad)
                PrimaryButton(title: "try_again") { Task { await locate() } }
            }
            if model.location.reducedAccuracy { Text("location_reduced").foregroundColor(Theme.warn) }
            if let error { Text(error).foregroundColor(Theme.bad) }
            if showMap {
                Map(coordinateRegion: .constant(region), annotationItems: sites.map(Pin.init)) { pin in
                    MapMarker(coordinate: pin.coordinate, tint: Theme.primary)
                }
            }
            List(sites, id: \.siteId) { site in
                Button { Task { await start(site) } } label: {
                    VStack(alignment: .leading, spacing: 4) {
                        Text(site.borrowerName).font(.headline)
                        Text("\(site.modelText) · \(site.communeName)")
                        Text(site.distanceText).bold().foregroundColor(Theme.primary)
                    }
                    .frame(minHeight: Theme.minTarget)
                }
            }
        }
        .navigationTitle("sites_title")
        .navigationDestination(isPresented: Binding(get: { openCheck != nil }, set: { if !$0 { openCheck = nil } })) {
            if let open = openCheck { SiteCheckView(checkId: open.check, siteId: open.site) }
        }
        .task { await locate() }
    }

    /// The sites nearest the best fix of a window; with no fix (location off or refused) the reason and a retry.
    private func locate() async {
        locating = true
        locationProblem = nil
        defer { locating = false }
        do {
            let here = try await model.location.bestFix()
            sites = attempt($error) { try model.core.sitesNear(lat: here.lat, lon: here.lon, on: isoToday()) } ?? []
        } catch is CancellationError {
            // The view went away: nothing to show.
        } catch {
            locationProblem = describe(error)
        }
    }

    /// Every site shown with a margin, or the whole province before there is any: the core's `mapFrame` decides.
    private var region: MKCoordinateRegion {
        let frame = mapFrame(points: sites.map { GeoPoint(lat: $0.lat, lon: $0.lon) })
        return MKCoordinateRegion(
            center: CLLocationCoordinate2D(latitude: frame.lat, longitude: frame.lon),
            latitudinalMeters: frame.halfSpanM * 2, longitudinalMeters: frame.halfSpanM * 2
        )
    }

    private func start(_ site: SiteRow) async {
        guard !starting else { return } // a double tap starts one check, not two
        starting = true
        defer { starting = false }
        // A check this device left open at the site (the app was closed mid-check) is reopened, not doubled.
        if let open = attempt($error, { try model.core.openChecks() })?.first(where: { $0.siteId == site.siteId }) {
            openCheck = (open.checkId, site.siteId)
            return
        }
        let fix: LocationFix
        do {
            fix = try await model.location.bestFix()
        } catch is CancellationError {
            return
        } catch {
            self.error = describe(error) // no fix, no check: the core's start needs where the inspector stands
            return
        }
        if let id = attempt($error, { try model.core.startCheck(siteId: site.siteId, fix: fix) }) {
            openCheck = (id, site.siteId)
        }
    }
}

private struct Pin: Identifiable {
    let id: String
    let coordinate: CLLocationCoordinate2D
    init(_ s: SiteRow) { id = s.siteId; coordinate = CLLocationCoordinate2D(latitude: s.lat, longitude: s.lon) }
}

struct SiteCheckView: View {
    @EnvironmentObject var model: AppModel
    let checkId: String
    let siteId: String
    @State private var check: CheckDetail?
    @State private var verdict: VerdictView?
    @State private var drafts: [String: String] = [:]
    /// The question whose typed answer is a draft (the core's `draftAnswer`): leaving it signs it once.
    @State private var typing: String?
    @State private var camera = false
    @State private var error: String?

    var body: some View {
        List {
            if let verdict {
                VStack(alignment: .leading) {
                    Text(verdict.message).font(.title3).bold()
                    Text(verdict.accuracyMessage)
                    if let c = verdict.communeMessage { Text(c) }
                }
                .foregroundColor(.white).listRowBackground(Theme.colour(placeTone(place: verdict.verdict.place)))
            }
            if model.location.reducedAccuracy { Text("location_reduced").foregroundColor(Theme.warn) }
            if let error { Text(error).foregroundColor(Theme.bad) }
            if let check {
                FieldsSection(fields: check.fields)
                Section("checklist") { ForEach(model.core.checklist(), id: \.key) { q in question(q, check) } }
                Section("photos") {
                    ForEach(check.photos, id: \.id) { p in
                        VStack(alignment: .leading) {
                            Text(p.takenText).bold(); Text(p.dimensionsText)
                            ForEach(p.flagsText, id: \.self) { Text("⚠ \($0)").foregroundColor(Theme.bad) }
                        }
                    }
                    if !check.locked { Button("take_photo") { camera = true }.frame(minHeight: Theme.minTarget) }
                }
                if !check.locked {
                    NavigationLink("walk_title") { PlotWalkView(checkId: checkId) }
                    // The core's sentence names the questions by their labels, never by their keys.
                    if let missing = check.missingText { Text(missing).foregroundColor(Theme.warn) }
                    PrimaryButton(title: "finish_check", enabled: check.canFinish) {
                        typing = nil // the core signs the drafts still open before it judges the check whole
                        _ = attempt($error) { try model.core.finish(checkId: checkId) }
                        reload()
                    }
                }
            }
        }
        .navigationTitle(check?.title ?? "")
        .onDisappear { leave() }
        .sheet(isPresented: $camera) {
            CameraView { jpeg in
                camera = false
                let shutter = Date()
                Task {
                    // The core stamps a photo with where it was taken: the best fix of the moments before the
                    // shutter, or a fresh window when none was taken then; with no fix at all it is not added, and
                    // the inspector is told why (location off or refused) instead of nothing happening.
                    do {
                        let fix: LocationFix
                        if let before = model.location.fix(around: shutter) {
                            fix = before
                        } else {
                            fix = try await model.location.bestFix(count: 3)
                        }
                        _ = attempt($error) { try model.core.addPhoto(checkId: checkId, jpeg: jpeg, fix: fix) }
                    } catch is CancellationError {
                    } catch {
                        self.error = describe(error)
                    }
                    reload()
                }
            }
        }
        .task {
            reload()
            // No fix (location off or refused): no verdict rather than a made-up one; the work goes on.
            if let fix = try? await model.location.bestFix() { verdict = try? model.core.verdict(siteId: siteId, fix: fix) }
        }
    }

    private func reload() { check = attempt($error) { try model.core.checkDetail(checkId: checkId) } }

    @ViewBuilder
    private func question(_ q: Question, _ check: CheckDetail) -> some View {
        let answer = check.answers.first { $0.key == q.key }
        VStack(alignment: .leading) {
            Text(q.prompt + (q.required ? " *" : "")).bold()
            Text(answer?.answered == true ? answer!.valueText : NSLocalizedString("not_answered", comment: ""))
                .foregroundColor(answer?.misuseFound == true ? Theme.bad : .secondary)
            if !check.locked {
                switch q.kind {
                case .yesNo:
                    HStack {
                        Button("yes") { send(q.key, .yesNo(value: true)) }.buttonStyle(.bordered)
                        Button("no") { send(q.key, .yesNo(value: false)) }.buttonStyle(.bordered)
                    }
                case let .choice(options):
                    ForEach(options, id: \.key) { o in Button(o.label) { send(q.key, .choice(key: o.key)) }.frame(minHeight: Theme.minTarget) }
                case let .number(_, _, unit, _):
                    TextField(unit, text: Binding(get: { drafts[q.key] ?? "" }, set: { text in
                        drafts[q.key] = text
                        // The core reads the number as Vietnamese writes it ("1.000" is a thousand); then checks the range.
                        if let v = parseNumber(text: text) { draft(q.key, .number(value: v)) }
                    })).keyboardType(.decimalPad)
                case .text:
                    TextField("opinions", text: Binding(get: { drafts[q.key] ?? "" }, set: { drafts[q.key] = $0; draft(q.key, .text(text: $0)) }), axis: .vertical)
                }
            }
        }
    }

    /// A tap (yes/no, a choice): the answer itself, signed now; it also leaves the question being typed.
    private func send(_ key: String, _ value: AnswerInput) {
        leave()
        _ = attempt($error) { try model.core.answer(checkId: checkId, key: key, value: value) }
        reload()
    }

    /// A keystroke: kept as a draft, unsigned; moving to another question leaves the one being typed.
    private func draft(_ key: String, _ value: AnswerInput) {
        if let typing, typing != key { leave() }
        typing = key
        _ = attempt($error) { try model.core.draftAnswer(checkId: checkId, key: key, value: value) }
        reload() // a read: the core counts the draft for "can finish"
    }

    private func leave() {
        guard let key = typing else { return }
        typing = nil
        _ = attempt($error) { try model.core.leaveQuestion(checkId: checkId, key: key) }
    }
}

/// Walking the plot of open check `checkId`: once stopped, the core measures the walk and records it on the check.
struct PlotWalkView: View {
    @EnvironmentObject var model: AppModel
    let checkId: String
    @State private var fixes: [LocationFix] = []
    @State private var walking = false
    @State private var walk: RecordedWalk?
    @State private var error: String?

    var body: some View {
        List {
            Text("\(fixes.count)")
            if walking {
                PrimaryButton(title: "walk_stop") {
                    walking = false
                    model.location.onFix = nil
                    walk = attempt($error) { try model.core.recordWalk(checkId: checkId, fixes: fixes) }
                }
            } else {
                PrimaryButton(title: "walk_start") {
                    fixes = []; walk = nil; walking = true
                    model.location.onFix = { fixes.append($0) }
                }
            }
            if let walk {
                Text(walk.plot.message).bold()
                LabeledRow(label: NSLocalizedString("walked_area", comment: ""), value: walk.plot.areaText)
                LabeledRow(label: NSLocalizedString("perimeter", comment: ""), value: walk.plot.perimeterText)
                Text(walk.verdictText)
            }
            if let error { Text(error).foregroundColor(Theme.bad) }
        }
        .navigationTitle("walk_title")
    }
}

/// The minutes of one commune under one plan, as the core drafts them; export prints the core's HTML.
struct MinutesView: View {
    @EnvironmentObject var model: AppModel
    let planId: String
    let communeCode: String
    @State private var minutes: CommuneMinutes?
    @State private var error: String?

    var body: some View {
        List {
            if let error { Text(error).foregroundColor(Theme.bad) }
            if let m = minutes {
                VStack(alignment: .leading, spacing: 4) { Text(m.title).font(.title3).bold(); Text(m.subject) }
                FieldsSection(fields: m.header)
                ForEach(Array(m.sections.enumerated()), id: \.offset) { _, s in
                    Section(s.title) {
                        ForEach(s.items, id: \.label) { LabeledRow(label: $0.label, value: $0.value) }
                        ForEach(s.lines, id: \.self) { Text($0) }
                    }
                }
                Section { ForEach(m.signatures, id: \.who) { LabeledRow(label: $0.who, value: $0.hint) } }
                PrimaryButton(title: "export_minutes") { printHTML(m.html, jobName: m.title) }
                NavigationLink("review_open") { ReviewView(planId: planId, communeCode: communeCode) }
                    .frame(minHeight: Theme.minTarget)
            }
        }
        .navigationTitle("minutes_title")
        .task { minutes = attempt($error) { try model.core.minutes(communeCode: communeCode, planId: planId, on: isoToday()) } }
    }

    /// The system print sheet (print, save as PDF, share) over the core's self-contained page.
    private func printHTML(_ html: String, jobName: String) {
        let info = UIPrintInfo(dictionary: nil)
        info.jobName = jobName
        info.outputType = .general
        let controller = UIPrintInteractionController.shared
        controller.printInfo = info
        controller.printFormatter = UIMarkupTextPrintFormatter(markupText: html)
        controller.present(animated: true)
    }
}

/// The sync screen of every role: the core's `SyncStatus` as it comes, the progress of a sync started here,
/// and signing out.
struct SyncView: View {
    @EnvironmentObject var model: AppModel
    @State private var status: VieclamCore.SyncStatus?
    @State private var progress: (stage: SyncStage, done: UInt64, total: UInt64)?
    @State private var running: SyncCancel?
    @State private var summary: String?
    @State private var error: String?

    var body: some View {
        List {
            if let status {
                if let account = status.account { LabeledRow(label: account, value: status.role ?? "") }
                LabeledRow(label: NSLocalizedString("last_sync", comment: ""),
                           value: status.lastSuccess ?? NSLocalizedString("never_synced", comment: ""))
                if running != nil {
                    if let p = progress, p.total > 0 {
                        ProgressView(value: Double(p.done), total: Double(p.total)) { Text("\(label(p.stage)) \(p.done)/\(p.total)") }
                    } else {
                        ProgressView { Text(progress.map { label($0.stage) } ?? "") }
                    }
                }
                if let summary { Text(summary) }
                PrimaryButton(title: "sync_now", enabled: running == nil) { Task { await run() } }
                Section("waiting") {
                    ForEach(status.waiting, id: \.label) { LabeledRow(label: $0.label, value: "\($0.count)") }
                    LabeledRow(label: NSLocalizedString("photos_waiting", comment: ""), value: "\(status.photosWaiting)")
                }
                if !status.rejected.isEmpty {
                    Section("rejected") {
                        ForEach(Array(status.rejected.enumerated()), id: \.offset) { _, r in
                            VStack(alignment: .leading) {
                                Text("\(r.label) · \(r.madeAt)").bold()
                                // The core's sentence; the stable code is for the office's logs, not for people.
                                Text(r.reason).foregroundColor(Theme.bad)
                            }
                        }
                    }
                }
            }
            if let error { Text(error).foregroundColor(Theme.bad) }
            if status?.account != nil {
                Section {
                    Button("sign_out", role: .destructive) { Task { await signOut() } }
                        .frame(maxWidth: .infinity, minHeight: Theme.minTarget)
                        .disabled(running != nil)
                } footer: {
                    Text("sign_out_hint")
                }
            }
        }
        .navigationTitle("sync_title")
        .task { status = attempt($error) { try model.core.syncStatus() } }
        .onDisappear { running?.cancel() }
    }

    private func label(_ stage: SyncStage) -> String {
        switch stage {
        case .push: return NSLocalizedString("sync_push", comment: "")
        case .pull: return NSLocalizedString("sync_pull", comment: "")
        case .photos: return NSLocalizedString("sync_photos", comment: "")
        }
    }

    /// Revokes and forgets the session (offline it is simply forgotten), stops background syncs, back to sign-in.
    private func signOut() async {
        do {
            try await model.core.logout()
            BackgroundSync.cancel()
            model.enter(nil)
        } catch { self.error = describe(error) }
    }

    private func run() async {
        let cancel = SyncCancel()
        running = cancel
        do {
            summary = try await model.core.sync(cancel: cancel) { stage, done, total in
                Task { @MainActor in progress = (stage, done, total) }
            }.summary
        } catch { self.error = describe(error) }
        running = nil
        progress = nil
        status = attempt($error) { try model.core.syncStatus() }
    }
}

#Preview { NavigationStack { SiteCheckView(checkId: "c1", siteId: "s1") }.environmentObject(AppModel(core: CoreMock())) }
#Preview { NavigationStack { SyncView() }.environmentObject(AppModel(core: CoreMock())) }
#Preview { NavigationStack { PlanView() }.environmentObject(AppModel(core: CoreMock())) }
#Preview { NavigationStack { MinutesView(planId: "p1", communeCode: "06613") }.environmentObject(AppModel(core: CoreMock())) }
