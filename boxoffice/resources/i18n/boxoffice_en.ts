<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name></name>
    <message>
        <location filename="../../ui/shell/settings.py" line="28"/>
        <source>off — not needed: the embedded server is on this computer (Unix socket only)</source>
        <translation>off — not needed: the embedded server is on this computer (Unix socket only)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="29"/>
        <source>OFF — the connection is not encrypted (set BOXOFFICE_DB_SSLROOTCERT, docs/operations.md)</source>
        <translation>OFF — the connection is not encrypted (set BOXOFFICE_DB_SSLROOTCERT, docs/operations.md)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="30"/>
        <source>on ({version}, {cipher})</source>
        <translation>on ({version}, {cipher})</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="31"/>
        <source> in {file}</source>
        <translation> in {file}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="33"/>
        <source>{on}; certificate verified: signed by the CA{ca} and issued to this host</source>
        <translation>{on}; certificate verified: signed by the CA{ca} and issued to this host</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="35"/>
        <source>{on}; certificate signed by the CA{ca}, host name not checked (sslmode=verify-ca)</source>
        <translation>{on}; certificate signed by the CA{ca}, host name not checked (sslmode=verify-ca)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="38"/>
        <source>{on}; certificate NOT verified (sslmode={mode})</source>
        <translation>{on}; certificate NOT verified (sslmode={mode})</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="65"/>
        <source>&amp;Username</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="66"/>
        <source>&amp;Display name</source>
        <translation>&amp;Display name</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="67"/>
        <source>&amp;Role</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="68"/>
        <source>at least 8 characters</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="70"/>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="71"/>
        <source>R&amp;epeat password</source>
        <translation>R&amp;epeat password</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="92"/>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>AdmissionConflictsDialog</name>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="95"/>
        <source>Admission conflicts · boxoffice</source>
        <translation>Admission conflicts · boxoffice</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="99"/>
        <source>Tickets a door let in while it was offline, which the database refused when the door uploaded: someone else was admitted on the same ticket, or it was void. Follow them up (e.g. check the seats) and mark them resolved.</source>
        <translation>Tickets a door let in while it was offline, which the database refused when the door uploaded: someone else was admitted on the same ticket, or it was void. Follow them up (e.g. check the seats) and mark them resolved.</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="107"/>
        <source>Show &amp;resolved ones too</source>
        <translation>Show &amp;resolved ones too</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="113"/>
        <source>&amp;Mark resolved…</source>
        <translation>&amp;Mark resolved…</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="116"/>
        <source>Reload (F5)</source>
        <translation>Reload (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="119"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="137"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/door/admission_conflicts.py" line="151"/>
        <source>%n conflict(s).</source>
        <translation>
            <numerusform>%n conflict.</numerusform>
            <numerusform>%n conflicts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/door/admission_conflicts.py" line="153"/>
        <source>%n open conflict(s).</source>
        <translation>
            <numerusform>%n open conflict.</numerusform>
            <numerusform>%n open conflicts.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="157"/>
        <source>No admission conflicts.</source>
        <translation>No admission conflicts.</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="157"/>
        <source>No open admission conflicts.</source>
        <translation>No open admission conflicts.</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="181"/>
        <source>Mark resolved</source>
        <translation>Mark resolved</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="182"/>
        <source>What was done about {ticket}? (optional)</source>
        <translation>What was done about {ticket}? (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="187"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>ArrivalsChart</name>
    <message>
        <location filename="../../ui/door/stats.py" line="53"/>
        <source>Arrivals per {bucket_minutes} min</source>
        <translation>Arrivals per {bucket_minutes} min</translation>
    </message>
    <message>
        <location filename="../../ui/door/stats.py" line="59"/>
        <source>max {top}</source>
        <translation>max {top}</translation>
    </message>
</context>
<context>
    <name>AuditLogWindow</name>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="76"/>
        <source>Audit log · boxoffice</source>
        <translation>Audit log · boxoffice</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="82"/>
        <source>Anyone</source>
        <translation>Anyone</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="83"/>
        <source>Anything</source>
        <translation>Anything</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="87"/>
        <source>Any till</source>
        <translation>Any till</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="92"/>
        <source>order number, seat, show…</source>
        <translation>order number, seat, show…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="94"/>
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="97"/>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="102"/>
        <source>&amp;Who</source>
        <translation>&amp;Who</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="103"/>
        <source>W&amp;hat</source>
        <translation>W&amp;hat</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="104"/>
        <source>T&amp;ill</source>
        <translation>T&amp;ill</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="105"/>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="106"/>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="107"/>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="130"/>
        <source>◀ &amp;Newer</source>
        <translation>◀ &amp;Newer</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="132"/>
        <source>&amp;Older ▶</source>
        <translation>&amp;Older ▶</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="136"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="139"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="168"/>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="185"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="235"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="263"/>
        <source>Entries {first}–{last} of {total}</source>
        <translation>Entries {first}–{last} of {total}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="267"/>
        <source>No entries match.</source>
        <translation>No entries match.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="282"/>
        <source>Export the audit log</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="282"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="292"/>
        <source>Exporting the audit log…</source>
        <translation>Exporting the audit log…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="292"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="294"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="316"/>
        <source>Export cancelled.</source>
        <translation>Export cancelled.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/audit_log.py" line="318"/>
        <source>Exported %Ln entry(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln entry to {path}.</numerusform>
            <numerusform>Exported %Ln entries to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BasketLines</name>
    <message>
        <location filename="../../ui/counter/basket_lines.py" line="49"/>
        <source>Full</source>
        <translation>Full</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_lines.py" line="69"/>
        <source>Row {row} seat {number}</source>
        <translation>Row {row} seat {number}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_lines.py" line="71"/>
        <source>Seat {seat_id}</source>
        <translation>Seat {seat_id}</translation>
    </message>
</context>
<context>
    <name>BasketPanel</name>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="74"/>
        <source>Basket</source>
        <translation>Basket</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="92"/>
        <source>Seat</source>
        <translation>Seat</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="92"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="92"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="92"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="93"/>
        <source>Ticket type of the selected lines: T next, Shift+T previous, 1-9 the n-th type</source>
        <translation>Ticket type of the selected lines: T next, Shift+T previous, 1-9 the n-th type</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="105"/>
        <source>Type how many seats (1-9) for the best together,
or click seats on the map (again to drop one).</source>
        <translation>Type how many seats (1-9) for the best together,
or click seats on the map (again to drop one).</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="118"/>
        <source>Remove seat</source>
        <translation>Remove seat</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="120"/>
        <source>Drop the selected seats from the basket (Delete)</source>
        <translation>Drop the selected seats from the basket (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="122"/>
        <source>Clear basket</source>
        <translation>Clear basket</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="124"/>
        <source>Release every seat in the basket (Ctrl+Shift+Delete)</source>
        <translation>Release every seat in the basket (Ctrl+Shift+Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="126"/>
        <source>Pay… (F9)</source>
        <translation>Pay… (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="130"/>
        <location filename="../../ui/counter/basket_panel.py" line="360"/>
        <source>Take payment for the basket: F9 cash, F10 card, F11 complimentary, F12 split</source>
        <translation>Take payment for the basket: F9 cash, F10 card, F11 complimentary, F12 split</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="143"/>
        <source>Promo code (F7)</source>
        <translation>Promo code (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="145"/>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="152"/>
        <source>Remove code</source>
        <translation>Remove code</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="191"/>
        <source>{section} · Row {row} · Seat {seat}</source>
        <translation>{section} · Row {row} · Seat {seat}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="196"/>
        <location filename="../../ui/counter/basket_panel.py" line="265"/>
        <source>no price</source>
        <translation>no price</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/basket_panel.py" line="225"/>
        <source>%n ticket(s) · {total}</source>
        <translation>
            <numerusform>%n ticket · {total}</numerusform>
            <numerusform>%n tickets · {total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/basket_panel.py" line="227"/>
        <source>%n seat(s) · {total}</source>
        <translation>
            <numerusform>%n seat · {total}</numerusform>
            <numerusform>%n seats · {total}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="253"/>
        <source>Promo {code}: checking…</source>
        <translation>Promo {code}: checking…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="256"/>
        <source>Promo {code} −{amount}</source>
        <translation>Promo {code} −{amount}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="263"/>
        <source>{name} (GA) × {count}</source>
        <translation>{name} (GA) × {count}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="274"/>
        <source>Full</source>
        <translation>Full</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="323"/>
        <source>Ticket type: {types} (select the line and press T, or 1-9)</source>
        <translation>Ticket type: {types} (select the line and press T, or 1-9)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="358"/>
        <source>No connection to the database: paying waits until it is back</source>
        <translation>No connection to the database: paying waits until it is back</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="370"/>
        <source> · held {minutes}:{seconds:02d}</source>
        <translation> · held {minutes}:{seconds:02d}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="372"/>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;&lt;b&gt;No connection&lt;/b&gt;{left}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;&lt;b&gt;No connection&lt;/b&gt;{left}&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/counter/basket_panel.py" line="381"/>
        <source>&lt;span style=&apos;color:{colour}&apos;&gt;Held {minutes}:{seconds:02d}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{colour}&apos;&gt;Held {minutes}:{seconds:02d}&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>BestSeats</name>
    <message>
        <location filename="../../ui/counter/best_seats.py" line="59"/>
        <source>Best available in {category}.</source>
        <translation>Best available in {category}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/best_seats.py" line="61"/>
        <source>Best available in any category.</source>
        <translation>Best available in any category.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/best_seats.py" line="73"/>
        <source>No connection to the database: seats cannot be held until it is back.</source>
        <translation>No connection to the database: seats cannot be held until it is back.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/best_seats.py" line="76"/>
        <source>Best available takes 1 to {limit} seats.</source>
        <translation>Best available takes 1 to {limit} seats.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/best_seats.py" line="171"/>
        <source>%n best seat(s) together: {section}, row {row}, seat(s) {numbers}</source>
        <translation>
            <numerusform>%n best seat: {section}, row {row}, seat {numbers}</numerusform>
            <numerusform>%n best seats together: {section}, row {row}, seats {numbers}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BestSeatsDialog</name>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="127"/>
        <source>Best seats</source>
        <translation>Best seats</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="136"/>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="139"/>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="144"/>
        <source>Best point = centre of this section</source>
        <translation>Best point = centre of this section</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="147"/>
        <source>Default point (front centre of the stage)</source>
        <translation>Default point (front centre of the stage)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="163"/>
        <source>Seating plan</source>
        <translation>Seating plan</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="165"/>
        <source>Section ranking (ticked sections first, top = best)</source>
        <translation>Section ranking (ticked sections first, top = best)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="172"/>
        <source>Best point (click the map)</source>
        <translation>Best point (click the map)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="185"/>
        <source>Best available offers the seats nearest the best point first, sideways distance counting more than depth; every seat of a ranked section comes before the next section&apos;s.</source>
        <translation>Best available offers the seats nearest the best point first, sideways distance counting more than depth; every seat of a ranked section comes before the next section&apos;s.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="201"/>
        <location filename="../../ui/manage/best_seats.py" line="218"/>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="210"/>
        <source>There is no seating plan yet.</source>
        <translation>There is no seating plan yet.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="257"/>
        <source>Default: the front centre of the stage</source>
        <translation>Default: the front centre of the stage</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="259"/>
        <source>Best point: x {x:.0f}, y {y:.0f}</source>
        <translation>Best point: x {x:.0f}, y {y:.0f}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="286"/>
        <source>Saved. Best available uses it from now on.</source>
        <translation>Saved. Best available uses it from now on.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/best_seats.py" line="288"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>BlockBar</name>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="44"/>
        <source>&amp;Block</source>
        <translation>&amp;Block</translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="47"/>
        <source>&amp;Release</source>
        <translation>&amp;Release</translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="50"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="54"/>
        <source>&lt;b&gt;Block seats&lt;/b&gt; — click seats to pick them.</source>
        <translation>&lt;b&gt;Block seats&lt;/b&gt; — click seats to pick them.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="56"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="68"/>
        <source>Sell or clear the basket before blocking seats.</source>
        <translation>Sell or clear the basket before blocking seats.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="76"/>
        <source>Block mode: click seats, then Block or Release.</source>
        <translation>Block mode: click seats, then Block or Release.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="105"/>
        <source>{label} is {state} and cannot be blocked.</source>
        <translation>{label} is {state} and cannot be blocked.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/seat_blocking.py" line="120"/>
        <source>%n seat(s) picked</source>
        <translation>
            <numerusform>%n seat picked</numerusform>
            <numerusform>%n seats picked</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="121"/>
        <source> ({count} blocked)</source>
        <translation> ({count} blocked)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/seat_blocking.py" line="123"/>
        <source>No seats picked</source>
        <translation>No seats picked</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/seat_blocking.py" line="135"/>
        <source>Blocked %n seat(s) ({reason}).</source>
        <translation>
            <numerusform>Blocked %n seat ({reason}).</numerusform>
            <numerusform>Blocked %n seats ({reason}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/seat_blocking.py" line="145"/>
        <source>Released %n seat(s) back to sale.</source>
        <translation>
            <numerusform>Released %n seat back to sale.</numerusform>
            <numerusform>Released %n seats back to sale.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BlockDialog</name>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="50"/>
        <location filename="../../ui/plan_editor/dialogs.py" line="103"/>
        <source>Add rows</source>
        <translation>Add rows</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="55"/>
        <source>Stalls</source>
        <translation>Stalls</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="63"/>
        <source>Skip I and O</source>
        <translation>Skip I and O</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="85"/>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="86"/>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="87"/>
        <source>Seats per row</source>
        <translation>Seats per row</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="88"/>
        <source>Seat spacing</source>
        <translation>Seat spacing</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="89"/>
        <source>Row spacing</source>
        <translation>Row spacing</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="90"/>
        <source>Curve radius</source>
        <translation>Curve radius</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="91"/>
        <source>First row</source>
        <translation>First row</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="93"/>
        <source>Numbering</source>
        <translation>Numbering</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="94"/>
        <source>First seat number</source>
        <translation>First seat number</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="95"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="96"/>
        <source>Front row centre x</source>
        <translation>Front row centre x</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="97"/>
        <source>… y</source>
        <translation>… y</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="98"/>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="99"/>
        <source>Seat radius</source>
        <translation>Seat radius</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="166"/>
        <source>Name the section.</source>
        <translation>Name the section.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/dialogs.py" line="175"/>
        <source>%n seat(s), rows {first}–{last}</source>
        <translation>
            <numerusform>%n seat, rows {first}–{last}</numerusform>
            <numerusform>%n seats, rows {first}–{last}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CameraScanner</name>
    <message>
        <location filename="../../ui/door/media.py" line="136"/>
        <source>No camera found on this computer</source>
        <translation>No camera found on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/door/media.py" line="158"/>
        <source>Camera error: {error}</source>
        <translation>Camera error: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/door/media.py" line="161"/>
        <source>Camera on: {text}</source>
        <translation>Camera on: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/door/media.py" line="172"/>
        <source>Camera off</source>
        <translation>Camera off</translation>
    </message>
</context>
<context>
    <name>CancelShowtimeDialog</name>
    <message>
        <location filename="../../ui/manage/prices.py" line="62"/>
        <source>Cancel showtime</source>
        <translation>Cancel showtime</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="67"/>
        <source>&lt;b&gt;Cancel {title}, {when}?&lt;/b&gt;&lt;br&gt;Sales stop at every till and online at once, held seats are released and pending web bookings are cancelled. This cannot be undone.&lt;br&gt;</source>
        <translation>&lt;b&gt;Cancel {title}, {when}?&lt;/b&gt;&lt;br&gt;Sales stop at every till and online at once, held seats are released and pending web bookings are cancelled. This cannot be undone.&lt;br&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/prices.py" line="73"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/prices.py" line="75"/>
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="77"/>
        <source>must be refunded:</source>
        <translation>must be refunded:</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="80"/>
        <source>No tickets have been sold.</source>
        <translation>No tickets have been sold.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="87"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="87"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="87"/>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="87"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="87"/>
        <source>Seats / email</source>
        <translation>Seats / email</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="102"/>
        <source>Reason (e.g. lead actor ill) — required</source>
        <translation>Reason (e.g. lead actor ill) — required</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="104"/>
        <source>Cancel the showtime</source>
        <translation>Cancel the showtime</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="107"/>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
</context>
<context>
    <name>CardPage</name>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="98"/>
        <source>the terminal&apos;s authorisation code</source>
        <translation>the terminal&apos;s authorisation code</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="101"/>
        <source>Take the card on the terminal first; never type the card number.</source>
        <translation>Take the card on the terminal first; never type the card number.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="104"/>
        <source>Amount on card</source>
        <translation>Amount on card</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="105"/>
        <source>Terminal reference</source>
        <translation>Terminal reference</translation>
    </message>
</context>
<context>
    <name>CashPage</name>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="47"/>
        <source>amount handed over, e.g. {example}</source>
        <translation>amount handed over, e.g. {example}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="54"/>
        <source>Cash tendered</source>
        <translation>Cash tendered</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="55"/>
        <source>Change due</source>
        <translation>Change due</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="70"/>
        <source>Exact {amount}</source>
        <translation>Exact {amount}</translation>
    </message>
</context>
<context>
    <name>Checkout</name>
    <message>
        <location filename="../../ui/counter/checkout.py" line="58"/>
        <source>No connection to the database: paying waits until it is back.</source>
        <translation>No connection to the database: paying waits until it is back.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/checkout.py" line="119"/>
        <source>Sold %n ticket(s), order {order}; change {change}.</source>
        <translation>
            <numerusform>Sold %n ticket, order {order}; change {change}.</numerusform>
            <numerusform>Sold %n tickets, order {order}; change {change}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="256"/>
        <source>Close shift · {till}</source>
        <translation>Close shift · {till}</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="267"/>
        <source>&amp;Commit count and close</source>
        <translation>&amp;Commit count and close</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="273"/>
        <source>Shift of {who} since {when}. Count the cash in the drawer by note and coin.</source>
        <translation>Shift of {who} since {when}. Count the cash in the drawer by note and coin.</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="294"/>
        <source>Counted: {money}</source>
        <translation>Counted: {money}</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="315"/>
        <source>over</source>
        <translation>over</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="315"/>
        <source>short</source>
        <translation>short</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="315"/>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="320"/>
        <source>&lt;h2&gt;Z report {number}&lt;/h2&gt;Expected cash: &lt;b&gt;{expected}&lt;/b&gt;&lt;br&gt;Counted cash: &lt;b&gt;{counted}&lt;/b&gt;&lt;br&gt;&lt;span style=&apos;color:{colour}; font-size:16pt&apos;&gt;Variance: &lt;b&gt;{variance}&lt;/b&gt; ({word})&lt;/span&gt;</source>
        <translation>&lt;h2&gt;Z report {number}&lt;/h2&gt;Expected cash: &lt;b&gt;{expected}&lt;/b&gt;&lt;br&gt;Counted cash: &lt;b&gt;{counted}&lt;/b&gt;&lt;br&gt;&lt;span style=&apos;color:{colour}; font-size:16pt&apos;&gt;Variance: &lt;b&gt;{variance}&lt;/b&gt; ({word})&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>CompPage</name>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="126"/>
        <source>choose or type a reason</source>
        <translation>choose or type a reason</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="133"/>
        <source>Amount given free</source>
        <translation>Amount given free</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_pages.py" line="134"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>DoorScreen</name>
    <message>
        <location filename="../../ui/door/screen.py" line="130"/>
        <source>SCAN AGAIN</source>
        <translation>SCAN AGAIN</translation>
    </message>
    <message>
        <location filename="../../ui/door/screen.py" line="138"/>
        <source>OFFLINE</source>
        <translation>OFFLINE</translation>
    </message>
    <message>
        <location filename="../../ui/door/screen.py" line="139"/>
        <source>Finding orders needs the database.</source>
        <translation>Finding orders needs the database.</translation>
    </message>
    <message>
        <location filename="../../ui/door/screen.py" line="139"/>
        <source>Send the visitor to the box office.</source>
        <translation>Send the visitor to the box office.</translation>
    </message>
    <message>
        <location filename="../../ui/door/screen.py" line="194"/>
        <source>Uploaded {uploaded} offline scan(s).</source>
        <translation>Uploaded {uploaded} offline scan(s).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/door/screen.py" line="209"/>
        <source>While offline, %n ticket(s) admitted here had been used elsewhere or voided. The manager has been told; see the list on the right.</source>
        <translation>
            <numerusform>While offline, %n ticket admitted here had been used elsewhere or voided. The manager has been told; see the list on the right.</numerusform>
            <numerusform>While offline, %n tickets admitted here had been used elsewhere or voided. The manager has been told; see the list on the right.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DoorSetupDialog</name>
    <message>
        <location filename="../../ui/door/setup.py" line="38"/>
        <source>Door: gate and showtimes</source>
        <translation>Door: gate and showtimes</translation>
    </message>
    <message>
        <location filename="../../ui/door/setup.py" line="51"/>
        <source>{when}  {title}   (doors {doors})</source>
        <translation>{when}  {title}   (doors {doors})</translation>
    </message>
    <message>
        <location filename="../../ui/door/setup.py" line="60"/>
        <source>No showtimes around today. Schedule one, or pass --showtime.</source>
        <translation>No showtimes around today. Schedule one, or pass --showtime.</translation>
    </message>
    <message>
        <location filename="../../ui/door/setup.py" line="67"/>
        <source>Gate name</source>
        <translation>Gate name</translation>
    </message>
    <message>
        <location filename="../../ui/door/setup.py" line="70"/>
        <source>Showtimes this gate admits to:</source>
        <translation>Showtimes this gate admits to:</translation>
    </message>
    <message>
        <location filename="../../ui/door/setup.py" line="87"/>
        <source>Give the gate a name (other gates see it: &quot;admitted at North&quot;).</source>
        <translation>Give the gate a name (other gates see it: &quot;admitted at North&quot;).</translation>
    </message>
    <message>
        <location filename="../../ui/door/setup.py" line="89"/>
        <source>Tick at least one showtime.</source>
        <translation>Tick at least one showtime.</translation>
    </message>
</context>
<context>
    <name>DoorStats</name>
    <message>
        <location filename="../../ui/door/stats.py" line="88"/>
        <source>– / – admitted</source>
        <translation>– / – admitted</translation>
    </message>
    <message>
        <location filename="../../ui/door/stats.py" line="108"/>
        <source>&lt;b&gt;Offline conflicts&lt;/b&gt; (reported to the manager)</source>
        <translation>&lt;b&gt;Offline conflicts&lt;/b&gt; (reported to the manager)</translation>
    </message>
    <message>
        <location filename="../../ui/door/stats.py" line="113"/>
        <source>&lt;b&gt;Admitted / expected&lt;/b&gt;</source>
        <translation>&lt;b&gt;Admitted / expected&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/door/stats.py" line="118"/>
        <source>&lt;b&gt;By gate&lt;/b&gt; (first entries)</source>
        <translation>&lt;b&gt;By gate&lt;/b&gt; (first entries)</translation>
    </message>
    <message>
        <location filename="../../ui/door/stats.py" line="146"/>
        <source>showtime {showtime_id}</source>
        <translation>showtime {showtime_id}</translation>
    </message>
    <message>
        <location filename="../../ui/door/stats.py" line="155"/>
        <source>{inside} inside now</source>
        <translation>{inside} inside now</translation>
    </message>
    <message>
        <location filename="../../ui/door/stats.py" line="158"/>
        <source>no entries yet</source>
        <translation>no entries yet</translation>
    </message>
</context>
<context>
    <name>DoorView</name>
    <message>
        <location filename="../../ui/door/view.py" line="103"/>
        <source>boxoffice door · {gate}</source>
        <translation>boxoffice door · {gate}</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="117"/>
        <source>Gate {gate}</source>
        <translation>Gate {gate}</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="123"/>
        <location filename="../../ui/door/view.py" line="222"/>
        <source>ENTRY</source>
        <translation>ENTRY</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="143"/>
        <source>Find order (F3)</source>
        <translation>Find order (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="144"/>
        <source>Camera (F4)</source>
        <translation>Camera (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="144"/>
        <source>Camera: unavailable</source>
        <translation>Camera: unavailable</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="148"/>
        <source>Exit scans (F6)</source>
        <translation>Exit scans (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="206"/>
        <source>{title} {time} (doors {doors})</source>
        <translation>{title} {time} (doors {doors})</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="210"/>
        <source>no showtime chosen</source>
        <translation>no showtime chosen</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="222"/>
        <source>EXIT</source>
        <translation>EXIT</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="223"/>
        <source>Scan to let out</source>
        <translation>Scan to let out</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="223"/>
        <source>Scan the next ticket</source>
        <translation>Scan the next ticket</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="241"/>
        <source>CONNECTING…</source>
        <translation>CONNECTING…</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="243"/>
        <source>● ONLINE</source>
        <translation>● ONLINE</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="245"/>
        <source>● OFFLINE · {pending} queued</source>
        <translation>● OFFLINE · {pending} queued</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="259"/>
        <source> at {gate}</source>
        <translation> at {gate}</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="262"/>
        <source>was already admitted{where}{when}</source>
        <translation>was already admitted{where}{when}</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="263"/>
        <source>was void ({reason})</source>
        <translation>was void ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/door/view.py" line="266"/>
        <source>{time} ticket {ticket_id} {what}</source>
        <translation>{time} ticket {ticket_id} {what}</translation>
    </message>
</context>
<context>
    <name>DrawerMenu</name>
    <message>
        <location filename="../../ui/drawer/menu.py" line="39"/>
        <source>&amp;Drawer</source>
        <translation>&amp;Drawer</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="50"/>
        <location filename="../../ui/drawer/menu.py" line="62"/>
        <source>Open shift…</source>
        <translation>Open shift…</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="51"/>
        <source>Cash drop…</source>
        <translation>Cash drop…</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="52"/>
        <source>Pay-out…</source>
        <translation>Pay-out…</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="53"/>
        <source>X report</source>
        <translation>X report</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="55"/>
        <source>Close shift…</source>
        <translation>Close shift…</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="56"/>
        <source>Close another shift…</source>
        <translation>Close another shift…</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="57"/>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="60"/>
        <source>  No shift is open on this till: cash sales need one.  </source>
        <translation>  No shift is open on this till: cash sales need one.  </translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="105"/>
        <source>This till&apos;s drawer belongs to {who}&apos;s open shift.</source>
        <translation>This till&apos;s drawer belongs to {who}&apos;s open shift.</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="132"/>
        <source>Shift open.</source>
        <translation>Shift open.</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/menu.py" line="140"/>
        <source>Recorded.</source>
        <translation>Recorded.</translation>
    </message>
</context>
<context>
    <name>EndedToggle</name>
    <message>
        <location filename="../../ui/counter/showtime_ending.py" line="25"/>
        <source>Show ended</source>
        <translation>Show ended</translation>
    </message>
    <message>
        <location filename="../../ui/counter/showtime_ending.py" line="27"/>
        <source>List showtimes whose sales have closed after the start (managers can still sell)</source>
        <translation>List showtimes whose sales have closed after the start (managers can still sell)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/showtime_ending.py" line="48"/>
        <source>ended</source>
        <translation>ended</translation>
    </message>
    <message>
        <location filename="../../ui/counter/showtime_ending.py" line="50"/>
        <source>started</source>
        <translation>started</translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <location filename="../../ui/orders/exchange.py" line="65"/>
        <source>Exchange tickets of {number} · boxoffice</source>
        <translation>Exchange tickets of {number} · boxoffice</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/exchange.py" line="68"/>
        <source>Moving %n ticket(s): {places} (credit {credit})</source>
        <translation>
            <numerusform>Moving %n ticket: {places} (credit {credit})</numerusform>
            <numerusform>Moving %n tickets: {places} (credit {credit})</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="90"/>
        <source>Cash handed over (blank: exact)</source>
        <translation>Cash handed over (blank: exact)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="93"/>
        <source>Card terminal authorisation code</source>
        <translation>Card terminal authorisation code</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="104"/>
        <source>Customer pays by</source>
        <translation>Customer pays by</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="105"/>
        <source>Cash handed over</source>
        <translation>Cash handed over</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="106"/>
        <source>Card authorisation</source>
        <translation>Card authorisation</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="107"/>
        <source>Money back by</source>
        <translation>Money back by</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="108"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/exchange.py" line="109"/>
        <source>Click %n free seat(s) on the map.</source>
        <translation>
            <numerusform>Click %n free seat on the map.</numerusform>
            <numerusform>Click %n free seats on the map.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="112"/>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="115"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="122"/>
        <source>Showtime</source>
        <translation>Showtime</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="148"/>
        <source>No showtime of this show is on sale.</source>
        <translation>No showtime of this show is on sale.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="177"/>
        <source>That seat is not free.</source>
        <translation>That seat is not free.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/exchange.py" line="180"/>
        <source>Already %n seat(s) chosen; click one to drop it.</source>
        <translation>
            <numerusform>Already %n seat chosen; click one to drop it.</numerusform>
            <numerusform>Already %n seats chosen; click one to drop it.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="227"/>
        <source>Customer pays {amount}</source>
        <translation>Customer pays {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="231"/>
        <source>Customer gets back {amount}</source>
        <translation>Customer gets back {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="233"/>
        <source>Same price: nothing to pay</source>
        <translation>Same price: nothing to pay</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="236"/>
        <source>New seats {new} − credit {credit}. Check with the customer, then exchange.</source>
        <translation>New seats {new} − credit {credit}. Check with the customer, then exchange.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="257"/>
        <source>Short by {amount}.</source>
        <translation>Short by {amount}.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="262"/>
        <source>Type the card terminal&apos;s authorisation code.</source>
        <translation>Type the card terminal&apos;s authorisation code.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/exchange.py" line="293"/>
        <source>Exchanging…</source>
        <translation>Exchanging…</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="176"/>
        <source>Welcome · boxoffice</source>
        <translation>Welcome · boxoffice</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="177"/>
        <source>Create admin and sign in</source>
        <translation>Create admin and sign in</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="180"/>
        <source>&lt;b&gt;Welcome to boxoffice.&lt;/b&gt;&lt;br&gt;Create the admin account first. The admin adds cashiers, door staff and managers (Manage → Staff accounts). Keep the password safe: there is no other admin yet.</source>
        <translation>&lt;b&gt;Welcome to boxoffice.&lt;/b&gt;&lt;br&gt;Create the admin account first. The admin adds cashiers, door staff and managers (Manage → Staff accounts). Keep the password safe: there is no other admin yet.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="186"/>
        <source>&amp;Username</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="187"/>
        <source>&amp;Display name</source>
        <translation>&amp;Display name</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="187"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="188"/>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="189"/>
        <source>&amp;Repeat password</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="190"/>
        <source>P&amp;IN for this shift</source>
        <translation>P&amp;IN for this shift</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="191"/>
        <source>optional: 4 to 8 digits, to unlock the till quickly</source>
        <translation>optional: 4 to 8 digits, to unlock the till quickly</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="192"/>
        <source>at least 8 characters</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="193"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="200"/>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>GaAreaDialog</name>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="281"/>
        <source>Add general admission area</source>
        <translation>Add general admission area</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="285"/>
        <source>Standing</source>
        <translation>Standing</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="302"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="303"/>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="304"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="305"/>
        <source>Left, top</source>
        <translation>Left, top</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="306"/>
        <source>Width, height</source>
        <translation>Width, height</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="332"/>
        <source>Add a price category first.</source>
        <translation>Add a price category first.</translation>
    </message>
</context>
<context>
    <name>GaAreaItem</name>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="54"/>
        <source> · {mine} in basket</source>
        <translation> · {mine} in basket</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="57"/>
        <source>General admission {name}: {left_text}. Click (or Enter) to choose places.</source>
        <translation>General admission {name}: {left_text}. Click (or Enter) to choose places.</translation>
    </message>
</context>
<context>
    <name>GaQuantityDialog</name>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="133"/>
        <source>General admission · {name}</source>
        <translation>General admission · {name}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="145"/>
        <source>no price</source>
        <translation>no price</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="147"/>
        <source>{left_text} · {each} each</source>
        <translation>{left_text} · {each} each</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="148"/>
        <source> · {current} in the basket</source>
        <translation> · {current} in the basket</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="152"/>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="153"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>GaSale</name>
    <message>
        <location filename="../../ui/counter/ga_sale.py" line="103"/>
        <source>This showtime has no general-admission areas.</source>
        <translation>This showtime has no general-admission areas.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/ga_sale.py" line="113"/>
        <source>General admission</source>
        <translation>General admission</translation>
    </message>
    <message>
        <location filename="../../ui/counter/ga_sale.py" line="114"/>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../ui/counter/ga_sale.py" line="174"/>
        <source>{label} in the basket.</source>
        <translation>{label} in the basket.</translation>
    </message>
</context>
<context>
    <name>LateSale</name>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="147"/>
        <source>Manager override…</source>
        <translation>Manager override…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="189"/>
        <source>Late sale approved</source>
        <translation>Late sale approved</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="192"/>
        <source>Sales closed {time} · Manager override…</source>
        <translation>Sales closed {time} · Manager override…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="195"/>
        <source>Sales closed at {time}. A manager approves a late sale at this till (Ctrl+M).</source>
        <translation>Sales closed at {time}. A manager approves a late sale at this till (Ctrl+M).</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="197"/>
        <location filename="../../ui/counter/late_sale.py" line="235"/>
        <source>This till cannot ask for a manager&apos;s approval: a manager signs in to sell.</source>
        <translation>This till cannot ask for a manager&apos;s approval: a manager signs in to sell.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="214"/>
        <source>A manager can approve a late sale: Manager override… (Ctrl+M).</source>
        <translation>A manager can approve a late sale: Manager override… (Ctrl+M).</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="216"/>
        <source>A manager signs in to sell it.</source>
        <translation>A manager signs in to sell it.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="229"/>
        <source>No manager&apos;s override is needed: you may sell after the close yourself.</source>
        <translation>No manager&apos;s override is needed: you may sell after the close yourself.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="231"/>
        <source>No manager&apos;s override is needed: this showtime&apos;s sales have not closed.</source>
        <translation>No manager&apos;s override is needed: this showtime&apos;s sales have not closed.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="253"/>
        <source>Late sale approved by {manager} for this sale: choose the seats.</source>
        <translation>Late sale approved by {manager} for this sale: choose the seats.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="255"/>
        <source>Late sale approved by {manager}.</source>
        <translation>Late sale approved by {manager}.</translation>
    </message>
</context>
<context>
    <name>LateSaleDialog</name>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="45"/>
        <source>Latecomer</source>
        <translation>Latecomer</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="46"/>
        <source>Ticket problem</source>
        <translation>Ticket problem</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="47"/>
        <source>Group arriving late</source>
        <translation>Group arriving late</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="48"/>
        <source>Guest list</source>
        <translation>Guest list</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="59"/>
        <source>Manager override: late sale</source>
        <translation>Manager override: late sale</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="68"/>
        <source>Sales for {title} ({when}) closed at {closed}. A manager can allow this till to sell it for the next sale (10 minutes).</source>
        <translation>Sales for {title} ({when}) closed at {closed}. A manager can allow this till to sell it for the next sale (10 minutes).</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="79"/>
        <source>manager&apos;s user name</source>
        <translation>manager&apos;s user name</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="83"/>
        <source>password, or the PIN of their shift at this till</source>
        <translation>password, or the PIN of their shift at this till</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="92"/>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="93"/>
        <source>Password or PIN</source>
        <translation>Password or PIN</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="94"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="97"/>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="114"/>
        <source>The manager types their user name and password (or PIN).</source>
        <translation>The manager types their user name and password (or PIN).</translation>
    </message>
    <message>
        <location filename="../../ui/counter/late_sale.py" line="118"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>LegendBar</name>
    <message>
        <location filename="../../ui/seatmap/legend.py" line="75"/>
        <source>not on sale</source>
        <translation>not on sale</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="235"/>
        <source>was idle</source>
        <translation>was idle</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="235"/>
        <source>is locked</source>
        <translation>is locked</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="238"/>
        <source>Locked · boxoffice</source>
        <translation>Locked · boxoffice</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="239"/>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="242"/>
        <source>&lt;b&gt;This till {why}.&lt;/b&gt;&lt;br&gt;{display_name} continues with their PIN or password; someone else picks or types their name to take over the till.</source>
        <translation>&lt;b&gt;This till {why}.&lt;/b&gt;&lt;br&gt;{display_name} continues with their PIN or password; someone else picks or types their name to take over the till.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="256"/>
        <source>&amp;Who</source>
        <translation>&amp;Who</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="257"/>
        <source>PIN or &amp;password</source>
        <translation>PIN or &amp;password</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="269"/>
        <source>Type the PIN or password.</source>
        <translation>Type the PIN or password.</translation>
    </message>
</context>
<context>
    <name>LookupDialog</name>
    <message>
        <location filename="../../ui/door/lookup.py" line="64"/>
        <source>Find an order</source>
        <translation>Find an order</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="73"/>
        <source>Order number (BO-001234 or 1234) or booking e-mail, then Enter</source>
        <translation>Order number (BO-001234 or 1234) or booking e-mail, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="77"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="77"/>
        <source>Seat</source>
        <translation>Seat</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="77"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="77"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="84"/>
        <source>Admit selected</source>
        <translation>Admit selected</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="88"/>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="110"/>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="128"/>
        <source>{count} ticket(s)</source>
        <translation>{count} ticket(s)</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="130"/>
        <source>Nothing found for these showtimes</source>
        <translation>Nothing found for these showtimes</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="146"/>
        <source>Ticket {ticket_id}: {headline}</source>
        <translation>Ticket {ticket_id}: {headline}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="53"/>
        <source>boxoffice · {channel}</source>
        <translation>boxoffice · {channel}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="100"/>
        <source>&amp;Sale</source>
        <translation>&amp;Sale</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="101"/>
        <source>Print last order&apos;s tickets…</source>
        <translation>Print last order&apos;s tickets…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="107"/>
        <source>Find order…</source>
        <translation>Find order…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="111"/>
        <source>Refund an order…</source>
        <translation>Refund an order…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="117"/>
        <source>Manager override: late sale…</source>
        <translation>Manager override: late sale…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="121"/>
        <source>Receipt of an order…</source>
        <translation>Receipt of an order…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="125"/>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="130"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="137"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="139"/>
        <source>Find showtime</source>
        <translation>Find showtime</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="140"/>
        <source>Refresh seat map</source>
        <translation>Refresh seat map</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="141"/>
        <source>Fit seat map</source>
        <translation>Fit seat map</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="142"/>
        <source>Find seat…</source>
        <translation>Find seat…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="152"/>
        <source>S&amp;taff</source>
        <translation>S&amp;taff</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="153"/>
        <source>Lock / switch cashier…</source>
        <translation>Lock / switch cashier…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="158"/>
        <source>&amp;Manage</source>
        <translation>&amp;Manage</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="159"/>
        <source>Audit log…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="162"/>
        <source>Staff accounts…</source>
        <translation>Staff accounts…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="165"/>
        <source>Admission conflicts…</source>
        <translation>Admission conflicts…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="168"/>
        <source>Seating plans…</source>
        <translation>Seating plans…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="172"/>
        <source>Shows…</source>
        <translation>Shows…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="174"/>
        <source>Schedule showtimes…</source>
        <translation>Schedule showtimes…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="177"/>
        <source>Prices and showtimes…</source>
        <translation>Prices and showtimes…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="180"/>
        <source>Promo codes…</source>
        <translation>Promo codes…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="185"/>
        <source>Best seats…</source>
        <translation>Best seats…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="188"/>
        <source>Receipt details and VAT…</source>
        <translation>Receipt details and VAT…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="191"/>
        <source>Venue settings…</source>
        <translation>Venue settings…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="194"/>
        <source>&amp;Reports</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="195"/>
        <source>Sales and takings…</source>
        <translation>Sales and takings…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="201"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="202"/>
        <location filename="../../ui/shell/main_window.py" line="440"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="218"/>
        <source>Signed in: {who}</source>
        <translation>Signed in: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="220"/>
        <source>Nobody signed in</source>
        <translation>Nobody signed in</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="245"/>
        <source>{display_name} is signed in at this till.</source>
        <translation>{display_name} is signed in at this till.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="406"/>
        <source>Seat maps follow every till and the web as they change.</source>
        <translation>Seat maps follow every till and the web as they change.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="408"/>
        <source>Not receiving changes from other tills and the web: </source>
        <translation>Not receiving changes from other tills and the web: </translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="409"/>
        <source>connecting</source>
        <translation>connecting</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="433"/>
        <source>No order sold at this till since it opened.</source>
        <translation>No order sold at this till since it opened.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="443"/>
        <source>F2  find a showtime
F5  refresh the seat map
F9  pay cash, F10  pay by card, F11  complimentary
F12  split a payment (in the payment dialog: take the entry as a part payment)
Delete  drop the selected (or last) seat
Ctrl+Shift+Delete  clear the basket
+ / −  zoom the seat map, 0  fit it
Ctrl+P  print the last order&apos;s tickets again
F4  find an order (reprint, refund, exchange)
Ctrl+R  refund an order
F8  print an order&apos;s receipt
Ctrl+Shift+O  open the shift, Ctrl+Shift+D  cash drop, Ctrl+Shift+U  pay-out
Ctrl+Shift+X  X report, Ctrl+Shift+E  close the shift (blind count, Z report)
Ctrl+L  lock the till / switch cashier
Ctrl+B  block / release seats (managers)
Ctrl+Shift+S  schedule showtimes, Ctrl+Shift+P  prices and showtimes
Ctrl+Shift+R  sales and takings (managers)</source>
        <translation>F2  find a showtime
F5  refresh the seat map
F9  pay cash, F10  pay by card, F11  complimentary
F12  split a payment (in the payment dialog: take the entry as a part payment)
Delete  drop the selected (or last) seat
Ctrl+Shift+Delete  clear the basket
+ / −  zoom the seat map, 0  fit it
Ctrl+P  print the last order&apos;s tickets again
F4  find an order (reprint, refund, exchange)
Ctrl+R  refund an order
F8  print an order&apos;s receipt
Ctrl+Shift+O  open the shift, Ctrl+Shift+D  cash drop, Ctrl+Shift+U  pay-out
Ctrl+Shift+X  X report, Ctrl+Shift+E  close the shift (blind count, Z report)
Ctrl+L  lock the till / switch cashier
Ctrl+B  block / release seats (managers)
Ctrl+Shift+S  schedule showtimes, Ctrl+Shift+P  prices and showtimes
Ctrl+Shift+R  sales and takings (managers)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="458"/>
        <source>On the seat map (docs/counter.md):
1-9  hold the best seats together (after a moment; Enter or F9: at once; 12 Enter: 12)
Enter again  the next best seats (the previous ones are released)
Ctrl+1-9  best seats of that price category (as the legend shows), Ctrl+0  any
Arrow keys  move the seat cursor, Page Up / Page Down  previous / next section
Space  put the seat under the cursor in the basket (again: drop it)
K14 or 112 K 14, then Enter  go to that seat
F6 or Ctrl+F  find a seat by section, row and seat
F9 then Enter  pay the exact amount in cash</source>
        <translation>On the seat map (docs/counter.md):
1-9  hold the best seats together (after a moment; Enter or F9: at once; 12 Enter: 12)
Enter again  the next best seats (the previous ones are released)
Ctrl+1-9  best seats of that price category (as the legend shows), Ctrl+0  any
Arrow keys  move the seat cursor, Page Up / Page Down  previous / next section
Space  put the seat under the cursor in the basket (again: drop it)
K14 or 112 K 14, then Enter  go to that seat
F6 or Ctrl+F  find a seat by section, row and seat
F9 then Enter  pay the exact amount in cash</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="479"/>
        <source>Seats in the basket</source>
        <translation>Seats in the basket</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/shell/main_window.py" line="480"/>
        <source>%n seat(s) are held in the basket. Release them and quit?</source>
        <translation>
            <numerusform>%n seat is held in the basket. Release it and quit?</numerusform>
            <numerusform>%n seats are held in the basket. Release them and quit?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapKeys</name>
    <message>
        <location filename="../../ui/counter/map_keys.py" line="59"/>
        <source>“{typed}” is not a seat: type the row and the seat, e.g. K14 or 112 K 14.</source>
        <translation>“{typed}” is not a seat: type the row and the seat, e.g. K14 or 112 K 14.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/map_keys.py" line="63"/>
        <source>No seat {typed} on this plan.</source>
        <translation>No seat {typed} on this plan.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/map_keys.py" line="66"/>
        <source>{seat}: Space puts it in the basket.</source>
        <translation>{seat}: Space puts it in the basket.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/map_keys.py" line="74"/>
        <source>Best %n seat(s) together… (Enter: now)</source>
        <translation>
            <numerusform>Best %n seat… (Enter: now)</numerusform>
            <numerusform>Best %n seats together… (Enter: now)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/counter/map_keys.py" line="76"/>
        <source>Go to seat: {typed}… (Enter)</source>
        <translation>Go to seat: {typed}… (Enter)</translation>
    </message>
</context>
<context>
    <name>MiniMap</name>
    <message>
        <location filename="../../ui/seatmap/minimap.py" line="42"/>
        <source>Overview: click or drag to move the view</source>
        <translation>Overview: click or drag to move the view</translation>
    </message>
</context>
<context>
    <name>MoveShowtimesDialog</name>
    <message>
        <location filename="../../ui/plan_editor/migrate.py" line="22"/>
        <source>Move showtimes to version {version}</source>
        <translation>Move showtimes to version {version}</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/migrate.py" line="25"/>
        <source>Move ticked showtimes to version {version}</source>
        <translation>Move ticked showtimes to version {version}</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/migrate.py" line="31"/>
        <source>Results appear here. A showtime is moved only if none of its sold or held seats would move, change label or disappear.</source>
        <translation>Results appear here. A showtime is moved only if none of its sold or held seats would move, change label or disappear.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/migrate.py" line="36"/>
        <location filename="../../ui/plan_editor/migrate.py" line="60"/>
        <source>Showtimes on other versions of this plan:</source>
        <translation>Showtimes on other versions of this plan:</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/migrate.py" line="51"/>
        <source>{title} — {when} (version {version}, {status})</source>
        <translation>{title} — {when} (version {version}, {status})</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/migrate.py" line="62"/>
        <source>No showtime is on another version of this plan.</source>
        <translation>No showtime is on another version of this plan.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/migrate.py" line="93"/>
        <source>✓ {what}: moved (%n seat(s) carried over, {added} new, {dropped} removed).</source>
        <translation>
            <numerusform>✓ {what}: moved (%n seat carried over, {added} new, {dropped} removed).</numerusform>
            <numerusform>✓ {what}: moved (%n seats carried over, {added} new, {dropped} removed).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MovementDialog</name>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="166"/>
        <source>Cash drop</source>
        <translation>Cash drop</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="166"/>
        <source>Pay-out</source>
        <translation>Pay-out</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="175"/>
        <source>To the safe</source>
        <translation>To the safe</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="175"/>
        <source>Petty cash</source>
        <translation>Petty cash</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="175"/>
        <source>Supplies</source>
        <translation>Supplies</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="181"/>
        <source>&amp;Amount</source>
        <translation>&amp;Amount</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="182"/>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
</context>
<context>
    <name>OpenPlanDialog</name>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="211"/>
        <source>Open seating plan</source>
        <translation>Open seating plan</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/dialogs.py" line="217"/>
        <source>, %n showtime(s)</source>
        <translation>
            <numerusform>, %n showtime</numerusform>
            <numerusform>, %n showtimes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/dialogs.py" line="219"/>
        <source>{venue} · {name} · version {version} (%n seat(s){used})</source>
        <translation>
            <numerusform>{venue} · {name} · version {version} (%n seat{used})</numerusform>
            <numerusform>{venue} · {name} · version {version} (%n seats{used})</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="229"/>
        <location filename="../../ui/plan_editor/dialogs.py" line="244"/>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="231"/>
        <source>New plan&apos;s name, e.g. Main floor</source>
        <translation>New plan&apos;s name, e.g. Main floor</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="232"/>
        <source>Open version</source>
        <translation>Open version</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="235"/>
        <source>Start a new plan</source>
        <translation>Start a new plan</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="237"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="240"/>
        <source>Stored versions (a saved change always makes a new version):</source>
        <translation>Stored versions (a saved change always makes a new version):</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="245"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="114"/>
        <source>Open shift · {till}</source>
        <translation>Open shift · {till}</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="119"/>
        <source>or type the float&apos;s total</source>
        <translation>or type the float&apos;s total</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="121"/>
        <source>&amp;Open shift</source>
        <translation>&amp;Open shift</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="125"/>
        <source>Float total</source>
        <translation>Float total</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="127"/>
        <source>Count the float in the drawer:</source>
        <translation>Count the float in the drawer:</translation>
    </message>
</context>
<context>
    <name>OpenShiftsDialog</name>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="347"/>
        <source>Close another shift</source>
        <translation>Close another shift</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="351"/>
        <source>&amp;Close this shift…</source>
        <translation>&amp;Close this shift…</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="355"/>
        <source>Shifts still open:</source>
        <translation>Shifts still open:</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="368"/>
        <source>{till} · {who} · since {when}</source>
        <translation>{till} · {who} · since {when}</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="373"/>
        <source>No shift is open.</source>
        <translation>No shift is open.</translation>
    </message>
</context>
<context>
    <name>OrderLookupDialog</name>
    <message>
        <location filename="../../ui/orders/lookup.py" line="85"/>
        <source>Find order · boxoffice</source>
        <translation>Find order · boxoffice</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="89"/>
        <source>Order number (1042), customer name or e-mail, then Enter</source>
        <translation>Order number (1042), customer name or e-mail, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="91"/>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="95"/>
        <source>F&amp;ind</source>
        <translation>F&amp;ind</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="115"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="118"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="119"/>
        <source>Save customer</source>
        <translation>Save customer</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="131"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="135"/>
        <source>Money back by</source>
        <translation>Money back by</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="137"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="139"/>
        <source>Type an order number, a name or an e-mail; or right-click a sold seat.</source>
        <translation>Type an order number, a name or an e-mail; or right-click a sold seat.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="142"/>
        <source>Reprint tickets…</source>
        <translation>Reprint tickets…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="144"/>
        <location filename="../../ui/orders/lookup.py" line="296"/>
        <source>Refund…</source>
        <translation>Refund…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="146"/>
        <source>Exchange…</source>
        <translation>Exchange…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="148"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="179"/>
        <source>Type an order number, a name or an e-mail.</source>
        <translation>Type an order number, a name or an e-mail.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="181"/>
        <location filename="../../ui/orders/lookup.py" line="225"/>
        <source>Looking up…</source>
        <translation>Looking up…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="201"/>
        <source>No order matches {query}.</source>
        <translation>No order matches {query}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/lookup.py" line="205"/>
        <source>%n order(s) found; choose one.</source>
        <translation>
            <numerusform>%n order found; choose one.</numerusform>
            <numerusform>%n orders found; choose one.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="222"/>
        <source>That seat has no valid ticket.</source>
        <translation>That seat has no valid ticket.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="256"/>
        <source>Tick the tickets to refund or exchange.</source>
        <translation>Tick the tickets to refund or exchange.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="258"/>
        <source>This order has no valid tickets left.</source>
        <translation>This order has no valid tickets left.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="294"/>
        <source>Refund {money}…</source>
        <translation>Refund {money}…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="318"/>
        <source>Customer saved.</source>
        <translation>Customer saved.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="329"/>
        <source>Give a reason for the refund.</source>
        <translation>Give a reason for the refund.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="334"/>
        <source>Refund tickets?</source>
        <translation>Refund tickets?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/lookup.py" line="336"/>
        <source>Refund {amount} by {method} for %n ticket(s) of {order}? The tickets stop being valid and the seats go back on sale.</source>
        <translation>
            <numerusform>Refund {amount} by {method} for %n ticket of {order}? The tickets stop being valid and the seats go back on sale.</numerusform>
            <numerusform>Refund {amount} by {method} for %n tickets of {order}? The tickets stop being valid and the seats go back on sale.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="344"/>
        <source>Refunding…</source>
        <translation>Refunding…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/lookup.py" line="356"/>
        <source>Refunded {amount} for %n ticket(s): give the customer {amount} by {method}.</source>
        <translation>
            <numerusform>Refunded {amount} for %n ticket: give the customer {amount} by {method}.</numerusform>
            <numerusform>Refunded {amount} for %n tickets: give the customer {amount} by {method}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="365"/>
        <source>Reprinting…</source>
        <translation>Reprinting…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/orders/lookup.py" line="373"/>
        <source>New codes for %n ticket(s); the codes printed before no longer admit.</source>
        <translation>
            <numerusform>New codes for %n ticket; the codes printed before no longer admit.</numerusform>
            <numerusform>New codes for %n tickets; the codes printed before no longer admit.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/orders/lookup.py" line="391"/>
        <source>Exchanged into {number}.</source>
        <translation>Exchanged into {number}.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="56"/>
        <source>sold by {sold_by} at {channel}</source>
        <translation>sold by {sold_by} at {channel}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="60"/>
        <source>sold at {channel}</source>
        <translation>sold at {channel}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="64"/>
        <source>&lt;b&gt;{number}&lt;/b&gt; · {show} · {seller} on {when} · total {total} ({paid})</source>
        <translation>&lt;b&gt;{number}&lt;/b&gt; · {show} · {seller} on {when} · total {total} ({paid})</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="77"/>
        <source>Exchanged from {number}</source>
        <translation>Exchanged from {number}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="83"/>
        <source>Exchanged into {numbers}</source>
        <translation>Exchanged into {numbers}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="89"/>
        <source>Refunded {money} by {method} on {when}: {why}</source>
        <translation>Refunded {money} by {method} on {when}: {why}</translation>
    </message>
</context>
<context>
    <name>OverridePanel</name>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="31"/>
        <source>Manager&apos;s approval</source>
        <translation>Manager&apos;s approval</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="38"/>
        <source>manager&apos;s user name</source>
        <translation>manager&apos;s user name</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="43"/>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="47"/>
        <source>A cashier&apos;s complimentary ticket needs a manager&apos;s approval.</source>
        <translation>A cashier&apos;s complimentary ticket needs a manager&apos;s approval.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="54"/>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="55"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="58"/>
        <source>This till cannot ask for a manager&apos;s approval: a manager sells the comp.</source>
        <translation>This till cannot ask for a manager&apos;s approval: a manager sells the comp.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="68"/>
        <source>The manager types their name and password.</source>
        <translation>The manager types their name and password.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="71"/>
        <source>Choose or type the reason first.</source>
        <translation>Choose or type the reason first.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="75"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/tender_override.py" line="84"/>
        <source>Approved by {manager} for this sale.</source>
        <translation>Approved by {manager} for this sale.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/counter/payment.py" line="74"/>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="96"/>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="97"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="98"/>
        <source>Paid so far</source>
        <translation>Paid so far</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="99"/>
        <source>Remaining</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="103"/>
        <source>Cash (F9)</source>
        <translation>Cash (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="103"/>
        <source>Card (F10)</source>
        <translation>Card (F10)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="103"/>
        <source>Complimentary (F11)</source>
        <translation>Complimentary (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="134"/>
        <source>Part payment (F12)</source>
        <translation>Part payment (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="138"/>
        <source>Confirm sale</source>
        <translation>Confirm sale</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="174"/>
        <location filename="../../ui/counter/payment.py" line="175"/>
        <source>{amount} (all that remains)</source>
        <translation>{amount} (all that remains)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="187"/>
        <source>That is more than the {amount} that remains.</source>
        <translation>That is more than the {amount} that remains.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="206"/>
        <source>Short by {amount}. F12 takes it as a part payment.</source>
        <translation>Short by {amount}. F12 takes it as a part payment.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="213"/>
        <source>Type the terminal&apos;s reference for the card payment.</source>
        <translation>Type the terminal&apos;s reference for the card payment.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="218"/>
        <source>Choose or type why the ticket is complimentary.</source>
        <translation>Choose or type why the ticket is complimentary.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="220"/>
        <source>A manager approves the complimentary ticket (name and password below).</source>
        <translation>A manager approves the complimentary ticket (name and password below).</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="233"/>
        <source>{now} → {after} after this</source>
        <translation>{now} → {after} after this</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="243"/>
        <source>Enter alone: exact {amount}</source>
        <translation>Enter alone: exact {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="292"/>
        <source>Card {amount} · ref {reference}</source>
        <translation>Card {amount} · ref {reference}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="294"/>
        <source>Complimentary {amount} · {reason}</source>
        <translation>Complimentary {amount} · {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="295"/>
        <source>Cash {amount}</source>
        <translation>Cash {amount}</translation>
    </message>
</context>
<context>
    <name>PlanEditorView</name>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="70"/>
        <source>Nothing selected</source>
        <translation>Nothing selected</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="75"/>
        <source>Price category</source>
        <translation>Price category</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="77"/>
        <source>Set category</source>
        <translation>Set category</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="79"/>
        <source>New category…</source>
        <translation>New category…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="91"/>
        <location filename="../../ui/plan_editor/window_view.py" line="138"/>
        <source>Renumber row…</source>
        <translation>Renumber row…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="94"/>
        <location filename="../../ui/plan_editor/window_view.py" line="139"/>
        <source>Validate</source>
        <translation>Validate</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="99"/>
        <source>Selection</source>
        <translation>Selection</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="115"/>
        <source>Open…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="115"/>
        <source>Open a stored plan version or start a new plan</source>
        <translation>Open a stored plan version or start a new plan</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="116"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="116"/>
        <source>Save as a new version</source>
        <translation>Save as a new version</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="117"/>
        <source>Import pretix JSON…</source>
        <translation>Import pretix JSON…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="118"/>
        <source>Export JSON…</source>
        <translation>Export JSON…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="119"/>
        <source>Export for pretix…</source>
        <translation>Export for pretix…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="120"/>
        <source>Move showtimes to this version…</source>
        <translation>Move showtimes to this version…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="121"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="123"/>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="129"/>
        <source>Add rows…</source>
        <translation>Add rows…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="129"/>
        <source>Add a block of rows</source>
        <translation>Add a block of rows</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="130"/>
        <source>Add stage</source>
        <translation>Add stage</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="131"/>
        <source>Add text…</source>
        <translation>Add text…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="133"/>
        <source>Add general admission area…</source>
        <translation>Add general admission area…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="135"/>
        <source>A standing area sold by count: name, capacity, category, rectangle</source>
        <translation>A standing area sold by count: name, capacity, category, rectangle</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="137"/>
        <source>Rotate…</source>
        <translation>Rotate…</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="137"/>
        <source>Rotate the selection ([ and ] turn by 5°)</source>
        <translation>Rotate the selection ([ and ] turn by 5°)</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="140"/>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="142"/>
        <source>Select all</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="143"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="145"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="165"/>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="177"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="198"/>
        <source>Seating plan editor</source>
        <translation>Seating plan editor</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="200"/>
        <source>version {version}</source>
        <translation>version {version}</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="200"/>
        <source>new, not saved</source>
        <translation>new, not saved</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="201"/>
        <source>{venue} · {plan_name} ({version}) — seating plan editor</source>
        <translation>{venue} · {plan_name} ({version}) — seating plan editor</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="228"/>
        <source>&lt;span style=&quot;color:#9ca3af&quot;&gt;●&lt;/span&gt; no category ({count})</source>
        <translation>&lt;span style=&quot;color:#9ca3af&quot;&gt;●&lt;/span&gt; no category ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="232"/>
        <source>&lt;span style=&quot;color:#6b7280&quot;&gt;■ wheelchair · ○ companion · – restricted view · / not for sale&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#6b7280&quot;&gt;■ wheelchair · ○ companion · – restricted view · / not for sale&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="247"/>
        <source> in row {row}</source>
        <translation> in row {row}</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="279"/>
        <source>No problems.</source>
        <translation>No problems.</translation>
    </message>
</context>
<context>
    <name>PlanEditorWindow</name>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/window.py" line="129"/>
        <source>%n seat(s) selected</source>
        <translation>
            <numerusform>%n seat selected</numerusform>
            <numerusform>%n seats selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/window.py" line="130"/>
        <source>Nothing selected. %n seat(s) in the plan.</source>
        <translation>
            <numerusform>Nothing selected. %n seat in the plan.</numerusform>
            <numerusform>Nothing selected. %n seats in the plan.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="140"/>
        <source>No problems: the plan can be saved.</source>
        <translation>No problems: the plan can be saved.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/window.py" line="142"/>
        <source>%n problem(s) to fix before saving.</source>
        <translation>
            <numerusform>%n problem to fix before saving.</numerusform>
            <numerusform>%n problems to fix before saving.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/window.py" line="182"/>
        <source> %n showtime(s) use this version; saving makes a new one.</source>
        <translation>
            <numerusform> %n showtime uses this version; saving makes a new one.</numerusform>
            <numerusform> %n showtimes use this version; saving makes a new one.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="187"/>
        <source>Opened version {version}.{note}</source>
        <translation>Opened version {version}.{note}</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="194"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="230"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/plan_editor/window.py" line="242"/>
        <source>Saved as version {version} (%n seat(s)). Showtimes keep the version they were scheduled on.</source>
        <translation>
            <numerusform>Saved as version {version} (%n seat). Showtimes keep the version they were scheduled on.</numerusform>
            <numerusform>Saved as version {version} (%n seats). Showtimes keep the version they were scheduled on.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="258"/>
        <source>A newer version exists</source>
        <translation>A newer version exists</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="260"/>
        <source>{error}

Save yours anyway as the newest version? (Otherwise keep editing, or open the newer version and make your changes there.)</source>
        <translation>{error}

Save yours anyway as the newest version? (Otherwise keep editing, or open the newer version and make your changes there.)</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="281"/>
        <source>Move showtimes</source>
        <translation>Move showtimes</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="281"/>
        <source>Save the plan first: showtimes move to a saved version.</source>
        <translation>Save the plan first: showtimes move to a saved version.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="299"/>
        <source>Import a pretix seating plan</source>
        <translation>Import a pretix seating plan</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="299"/>
        <location filename="../../ui/plan_editor/window.py" line="325"/>
        <source>Seating plans (*.json)</source>
        <translation>Seating plans (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="309"/>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="312"/>
        <source>Import {name}</source>
        <translation>Import {name}</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="323"/>
        <source>Export seating plan</source>
        <translation>Export seating plan</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="335"/>
        <source>Exported to {path}.</source>
        <translation>Exported to {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="345"/>
        <location filename="../../ui/plan_editor/window.py" line="355"/>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="346"/>
        <source>Discard the changes to this plan?</source>
        <translation>Discard the changes to this plan?</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window.py" line="356"/>
        <source>Save the changes to this plan as a new version before closing?</source>
        <translation>Save the changes to this plan as a new version before closing?</translation>
    </message>
</context>
<context>
    <name>PlanEdits</name>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="59"/>
        <source>Move</source>
        <translation>Move</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="68"/>
        <source>Rotate {degrees:+g}°</source>
        <translation>Rotate {degrees:+g}°</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="90"/>
        <source>Set {words}</source>
        <translation>Set {words}</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="99"/>
        <source>New category</source>
        <translation>New category</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="100"/>
        <source>Name of the price category:</source>
        <translation>Name of the price category:</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="111"/>
        <source>There is already a category called “{name}”.</source>
        <translation>There is already a category called “{name}”.</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="117"/>
        <source>New category {name}</source>
        <translation>New category {name}</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="138"/>
        <source>Add rows ({rows})</source>
        <translation>Add rows ({rows})</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="157"/>
        <source>Add stage</source>
        <translation>Add stage</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="164"/>
        <location filename="../../ui/plan_editor/edits.py" line="174"/>
        <source>Add text</source>
        <translation>Add text</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="165"/>
        <source>Text to show on the plan (e.g. EXIT, BAR):</source>
        <translation>Text to show on the plan (e.g. EXIT, BAR):</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="193"/>
        <source>Add general admission area</source>
        <translation>Add general admission area</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="202"/>
        <source>Rotate</source>
        <translation>Rotate</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="203"/>
        <source>Degrees (clockwise; negative turns left):</source>
        <translation>Degrees (clockwise; negative turns left):</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/edits.py" line="222"/>
        <source>Renumber row {display}</source>
        <translation>Renumber row {display}</translation>
    </message>
</context>
<context>
    <name>PriceRulesPanel</name>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="52"/>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="52"/>
        <location filename="../../ui/manage/price_rules.py" line="90"/>
        <source>Ticket type</source>
        <translation>Ticket type</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="52"/>
        <location filename="../../ui/manage/price_rules.py" line="91"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="52"/>
        <source>When · adjustment</source>
        <translation>When · adjustment</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="56"/>
        <source>Delete rule</source>
        <translation>Delete rule</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="61"/>
        <source>e.g. Weekend matinee</source>
        <translation>e.g. Weekend matinee</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="82"/>
        <source>−20 or 2.50</source>
        <translation>−20 or 2.50</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="85"/>
        <source>Add rule</source>
        <translation>Add rule</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="89"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="92"/>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="93"/>
        <source>Start time</source>
        <translation>Start time</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="94"/>
        <source>Adjustment</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="95"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="96"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="99"/>
        <source>Rules apply, in order, to showtimes scheduled afterwards. Full-price rules come first; each other ticket type starts from the full price and needs a rule of its own to be sold.</source>
        <translation>Rules apply, in order, to showtimes scheduled afterwards. Full-price rules come first; each other ticket type starts from the full price and needs a rule of its own to be sold.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="107"/>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="162"/>
        <source>Every category</source>
        <translation>Every category</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="175"/>
        <source>Give an amount for the rule.</source>
        <translation>Give an amount for the rule.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="181"/>
        <source>{text!r} is not a percentage.</source>
        <translation>{text!r} is not a percentage.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="212"/>
        <source>Rule “{rule}” added. It applies to showtimes scheduled from now on.</source>
        <translation>Rule “{rule}” added. It applies to showtimes scheduled from now on.</translation>
    </message>
</context>
<context>
    <name>PricesDialog</name>
    <message>
        <location filename="../../ui/manage/prices.py" line="130"/>
        <source>Prices and showtimes</source>
        <translation>Prices and showtimes</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="150"/>
        <source>Prices in the venue&apos;s currency; leave a cell empty to not sell that ticket type in that category. The full price is what the sell screen and the web charge. Sold tickets keep the price they were sold at.</source>
        <translation>Prices in the venue&apos;s currency; leave a cell empty to not sell that ticket type in that category. The full price is what the sell screen and the web charge. Sold tickets keep the price they were sold at.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="160"/>
        <source>&amp;Save prices</source>
        <translation>&amp;Save prices</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="163"/>
        <source>Cancel show&amp;time…</source>
        <translation>Cancel show&amp;time…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="166"/>
        <source>Sa&amp;les…</source>
        <translation>Sa&amp;les…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="168"/>
        <source>On-sale and off-sale times, doors, pause sales</source>
        <translation>On-sale and off-sale times, doors, pause sales</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="170"/>
        <source>&amp;Refund its orders…</source>
        <translation>&amp;Refund its orders…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="172"/>
        <source>Refund every order of this cancelled showtime in full (managers)</source>
        <translation>Refund every order of this cancelled showtime in full (managers)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="178"/>
        <source>Refund the orders?</source>
        <translation>Refund the orders?</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="202"/>
        <source>Showtime &amp;prices</source>
        <translation>Showtime &amp;prices</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="203"/>
        <source>Price &amp;rules</source>
        <translation>Price &amp;rules</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="205"/>
        <source>Ticket t&amp;ypes</source>
        <translation>Ticket t&amp;ypes</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="243"/>
        <source>No showtimes from today on: schedule some (Manage → Schedule showtimes).</source>
        <translation>No showtimes from today on: schedule some (Manage → Schedule showtimes).</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="267"/>
        <source>on sale </source>
        <translation>on sale </translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="269"/>
        <source>from {when}</source>
        <translation>from {when}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="271"/>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="274"/>
        <source> until {when}</source>
        <translation> until {when}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="280"/>
        <source>CANCELLED</source>
        <translation>CANCELLED</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="282"/>
        <source>SALES PAUSED ({window})</source>
        <translation>SALES PAUSED ({window})</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="287"/>
        <source>&lt;b&gt;{title}&lt;/b&gt; · {when} · {state} · {sold} sold, {blocked} blocked of {capacity}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; · {when} · {state} · {sold} sold, {blocked} blocked of {capacity}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="369"/>
        <source>No prices changed.</source>
        <translation>No prices changed.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/prices.py" line="377"/>
        <source>Saved %n price(s). New sales use them; sold tickets keep theirs.</source>
        <translation>
            <numerusform>Saved %n price. New sales use it; sold tickets keep theirs.</numerusform>
            <numerusform>Saved %n prices. New sales use them; sold tickets keep theirs.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="406"/>
        <source>Sales settings saved.</source>
        <translation>Sales settings saved.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/prices.py" line="447"/>
        <source>Cancelled. {held} held seats released, {bookings} web bookings cancelled; %n order(s) to refund</source>
        <translation>
            <numerusform>Cancelled. {held} held seats released, {bookings} web bookings cancelled; %n order to refund</numerusform>
            <numerusform>Cancelled. {held} held seats released, {bookings} web bookings cancelled; %n orders to refund</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/prices.py" line="469"/>
        <source>Refund every order of this cancelled showtime in full (%n ticket(s))? Give the money back the way each was paid; web orders are refunded through the payment provider&apos;s refund as usual.</source>
        <translation>
            <numerusform>Refund every order of this cancelled showtime in full (%n ticket)? Give the money back the way each was paid; web orders are refunded through the payment provider&apos;s refund as usual.</numerusform>
            <numerusform>Refund every order of this cancelled showtime in full (%n tickets)? Give the money back the way each was paid; web orders are refunded through the payment provider&apos;s refund as usual.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="479"/>
        <source>Refunding…</source>
        <translation>Refunding…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="482"/>
        <source>nothing</source>
        <translation>nothing</translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="485"/>
        <source> {count} could not be refunded: </source>
        <translation> {count} could not be refunded: </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/prices.py" line="494"/>
        <source>Refunded %n order(s): {money}.</source>
        <translation>
            <numerusform>Refunded %n order: {money}.</numerusform>
            <numerusform>Refunded %n orders: {money}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/prices.py" line="503"/>
        <source>Showtime cancelled</source>
        <translation>Showtime cancelled</translation>
    </message>
</context>
<context>
    <name>PrinterSettingsBox</name>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="37"/>
        <source>Printing at this till</source>
        <translation>Printing at this till</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="45"/>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="46"/>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="47"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="48"/>
        <source>Complimentary</source>
        <translation>Complimentary</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="49"/>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="65"/>
        <source>Ticket printer:</source>
        <translation>Ticket printer:</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="66"/>
        <source>Receipt printer:</source>
        <translation>Receipt printer:</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="67"/>
        <source>Receipt by default for:</source>
        <translation>Receipt by default for:</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="71"/>
        <source>With a printer chosen, tickets and receipts print after each sale without a dialog, at their real size (80 mm rolls stay 80 mm wide). The cashier can untick the receipt per sale.</source>
        <translation>With a printer chosen, tickets and receipts print after each sale without a dialog, at their real size (80 mm rolls stay 80 mm wide). The cashier can untick the receipt per sale.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="89"/>
        <source>Ask each time (print dialog)</source>
        <translation>Ask each time (print dialog)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="92"/>
        <source>PDF files in a folder…</source>
        <translation>PDF files in a folder…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="101"/>
        <source>80 mm roll</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="102"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="111"/>
        <source>PDF files in {folder}</source>
        <translation>PDF files in {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="113"/>
        <source>{name} (not found)</source>
        <translation>{name} (not found)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="121"/>
        <source>Folder for the PDF files</source>
        <translation>Folder for the PDF files</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="160"/>
        <source>Could not save: {error}</source>
        <translation>Could not save: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/printer_settings.py" line="162"/>
        <source>Saved for this till in {file}.</source>
        <translation>Saved for this till in {file}.</translation>
    </message>
</context>
<context>
    <name>PromoCodesDialog</name>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="43"/>
        <source>Promo codes</source>
        <translation>Promo codes</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="49"/>
        <location filename="../../ui/manage/promo_codes.py" line="96"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="50"/>
        <location filename="../../ui/manage/promo_codes.py" line="98"/>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="51"/>
        <source>Applies to</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="52"/>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="53"/>
        <source>Used</source>
        <translation>Used</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="54"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="65"/>
        <source>e.g. SPRING10</source>
        <translation>e.g. SPRING10</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="70"/>
        <source>Percentage off each ticket</source>
        <translation>Percentage off each ticket</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="71"/>
        <source>Amount off each ticket</source>
        <translation>Amount off each ticket</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="80"/>
        <source>e.g. 2.50</source>
        <translation>e.g. 2.50</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="88"/>
        <location filename="../../ui/manage/promo_codes.py" line="91"/>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="92"/>
        <source>enabled (accepted at the tills and online)</source>
        <translation>enabled (accepted at the tills and online)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="97"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="99"/>
        <source>Percentage</source>
        <translation>Percentage</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="100"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="101"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="102"/>
        <source>Showtime</source>
        <translation>Showtime</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="103"/>
        <source>Price category</source>
        <translation>Price category</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="104"/>
        <source>Ticket type</source>
        <translation>Ticket type</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="107"/>
        <source>Uses in total</source>
        <translation>Uses in total</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="108"/>
        <source>Uses per customer (e-mail)</source>
        <translation>Uses per customer (e-mail)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="111"/>
        <source>Create as new code</source>
        <translation>Create as new code</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="114"/>
        <source>Save changes to the selected code</source>
        <translation>Save changes to the selected code</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="117"/>
        <location filename="../../ui/manage/promo_codes.py" line="266"/>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="120"/>
        <source>Reset usage</source>
        <translation>Reset usage</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="125"/>
        <source>A code takes its discount off every ticket it applies to; a sale uses it once.</source>
        <translation>A code takes its discount off every ticket it applies to; a sale uses it once.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="149"/>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="149"/>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="180"/>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/promo_codes.py" line="195"/>
        <source>%n per customer</source>
        <translation>
            <numerusform>%n per customer</numerusform>
            <numerusform>%n per customer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="197"/>
        <source>enabled</source>
        <translation>enabled</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="197"/>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="226"/>
        <source>every ticket</source>
        <translation>every ticket</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="232"/>
        <source>always</source>
        <translation>always</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="266"/>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="310"/>
        <source>Saved {code}.</source>
        <translation>Saved {code}.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="321"/>
        <source>{code} is enabled.</source>
        <translation>{code} is enabled.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="321"/>
        <source>{code} is disabled.</source>
        <translation>{code} is disabled.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/promo_codes.py" line="336"/>
        <source>Usage of {code} counts from zero again.</source>
        <translation>Usage of {code} counts from zero again.</translation>
    </message>
</context>
<context>
    <name>ReceiptDetailsDialog</name>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="36"/>
        <source>venue&apos;s rate</source>
        <translation>venue&apos;s rate</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="52"/>
        <source>Receipt details and VAT</source>
        <translation>Receipt details and VAT</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="61"/>
        <source>Street and number
Postcode and town</source>
        <translation>Street and number
Postcode and town</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="70"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="70"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="70"/>
        <source>VAT rate</source>
        <translation>VAT rate</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="77"/>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="78"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="79"/>
        <source>Tax (VAT) number</source>
        <translation>Tax (VAT) number</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="80"/>
        <source>VAT rate in prices</source>
        <translation>VAT rate in prices</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="83"/>
        <source>Prices include VAT. A category with its own rate (e.g. a reduced rate) overrides the venue&apos;s; tickets already sold keep the rate they were sold at.</source>
        <translation>Prices include VAT. A category with its own rate (e.g. a reduced rate) overrides the venue&apos;s; tickets already sold keep the rate they were sold at.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="96"/>
        <source>Price categories</source>
        <translation>Price categories</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="105"/>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="118"/>
        <source>There is no venue yet.</source>
        <translation>There is no venue yet.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="168"/>
        <source>Saved. New sales use these rates.</source>
        <translation>Saved. New sales use these rates.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/receipt_details.py" line="170"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="37"/>
        <source>Receipt of an order</source>
        <translation>Receipt of an order</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="43"/>
        <source>e.g. BO-001001</source>
        <translation>e.g. BO-001001</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="45"/>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="58"/>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="61"/>
        <source>Save PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="64"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="70"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="71"/>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="72"/>
        <source>Layout</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="99"/>
        <source>Looking for {number}…</source>
        <translation>Looking for {number}…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="105"/>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="108"/>
        <source>Refund {id} of {when} · {amount}</source>
        <translation>Refund {id} of {when} · {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="125"/>
        <source>Sent to the printer.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="139"/>
        <source>Save receipt</source>
        <translation>Save receipt</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="139"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/receipt_dialog.py" line="147"/>
        <source>Could not save</source>
        <translation>Could not save</translation>
    </message>
</context>
<context>
    <name>ReceiptToggle</name>
    <message>
        <location filename="../../ui/counter/sale_printing.py" line="43"/>
        <source>Print receipt</source>
        <translation>Print receipt</translation>
    </message>
</context>
<context>
    <name>RenumberDialog</name>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="188"/>
        <source>Renumber row</source>
        <translation>Renumber row</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="195"/>
        <source>Row label</source>
        <translation>Row label</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="196"/>
        <source>Numbering</source>
        <translation>Numbering</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="197"/>
        <source>First seat number</source>
        <translation>First seat number</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="214"/>
        <source>Z report {number}</source>
        <translation>Z report {number}</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="216"/>
        <source>X report · {till}</source>
        <translation>X report · {till}</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../ui/reports/window.py" line="83"/>
        <source>Sales and takings · boxoffice</source>
        <translation>Sales and takings · boxoffice</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="88"/>
        <source>T&amp;oday</source>
        <translation>T&amp;oday</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="90"/>
        <source>&amp;Show (F5)</source>
        <translation>&amp;Show (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="95"/>
        <source>Export &amp;CSV…</source>
        <translation>Export &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="97"/>
        <source>Export &amp;PDF…</source>
        <translation>Export &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="102"/>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="102"/>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="113"/>
        <source>Choose the days and press Show.</source>
        <translation>Choose the days and press Show.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="122"/>
        <location filename="../../ui/reports/window.py" line="149"/>
        <location filename="../../ui/reports/window.py" line="165"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="122"/>
        <location filename="../../ui/reports/window.py" line="165"/>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="122"/>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="122"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="122"/>
        <location filename="../../ui/reports/window.py" line="174"/>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="123"/>
        <location filename="../../ui/reports/window.py" line="149"/>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="123"/>
        <location filename="../../ui/reports/window.py" line="150"/>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="128"/>
        <location filename="../../ui/reports/window.py" line="268"/>
        <source>Net sales by hour</source>
        <translation>Net sales by hour</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="129"/>
        <source>Net sales by channel</source>
        <translation>Net sales by channel</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="130"/>
        <source>Net sales by price category</source>
        <translation>Net sales by price category</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="140"/>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="149"/>
        <location filename="../../ui/reports/window.py" line="180"/>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="149"/>
        <location filename="../../ui/reports/window.py" line="181"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="149"/>
        <source>Refund value</source>
        <translation>Refund value</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="150"/>
        <source>Exchanged</source>
        <translation>Exchanged</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="157"/>
        <source>Sales by</source>
        <translation>Sales by</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="162"/>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="165"/>
        <location filename="../../ui/reports/window.py" line="170"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="165"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="165"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="166"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="170"/>
        <source>New order</source>
        <translation>New order</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="170"/>
        <source>Replaced order</source>
        <translation>Replaced order</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="170"/>
        <location filename="../../ui/reports/window.py" line="311"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="176"/>
        <source>Exchanges</source>
        <translation>Exchanges</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="178"/>
        <source>Refunds and exchanges</source>
        <translation>Refunds and exchanges</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="180"/>
        <source>Showtime</source>
        <translation>Showtime</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="180"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="180"/>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="180"/>
        <source>Blocked</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="181"/>
        <location filename="../../ui/reports/window.py" line="185"/>
        <source>Occupancy</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="189"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="223"/>
        <source>Reading the ledger…</source>
        <translation>Reading the ledger…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="243"/>
        <source>{venue}: {orders}, {sold} ({value}), {refunded} refunded ({refund_value}), {exchanged} exchanged. Net sales {net}.</source>
        <translation>{venue}: {orders}, {sold} ({value}), {refunded} refunded ({refund_value}), {exchanged} exchanged. Net sales {net}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="247"/>
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln order</numerusform>
            <numerusform>%Ln orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="248"/>
        <source>%Ln ticket(s) sold</source>
        <translation>
            <numerusform>%Ln ticket sold</numerusform>
            <numerusform>%Ln tickets sold</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="256"/>
        <source>all channels</source>
        <translation>all channels</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="268"/>
        <source>Net sales by day</source>
        <translation>Net sales by day</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="334"/>
        <source>Export the report as CSV</source>
        <translation>Export the report as CSV</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="334"/>
        <source>Export the report as PDF</source>
        <translation>Export the report as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="335"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="335"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="362"/>
        <source>Saved {path}.</source>
        <translation>Saved {path}.</translation>
    </message>
</context>
<context>
    <name>SaleCompleteDialog</name>
    <message>
        <location filename="../../ui/counter/payment.py" line="346"/>
        <source>Sale complete · {order_number}</source>
        <translation>Sale complete · {order_number}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="350"/>
        <source>Order {order_number}</source>
        <translation>Order {order_number}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="351"/>
        <source>Change due: {change_text}</source>
        <translation>Change due: {change_text}</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="357"/>
        <source>Print tickets…</source>
        <translation>Print tickets…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="360"/>
        <source>Save PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="362"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="365"/>
        <source>Layout</source>
        <translation>Layout</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/payment.py" line="374"/>
        <source>%n ticket(s) issued.</source>
        <translation>
            <numerusform>%n ticket issued.</numerusform>
            <numerusform>%n tickets issued.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="402"/>
        <source>Save tickets</source>
        <translation>Save tickets</translation>
    </message>
    <message>
        <location filename="../../ui/counter/payment.py" line="402"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SalePrinting</name>
    <message>
        <location filename="../../ui/counter/sale_printing.py" line="152"/>
        <source>Print receipt</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_printing.py" line="195"/>
        <source>Printed the tickets on {printer}.</source>
        <translation>Printed the tickets on {printer}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_printing.py" line="197"/>
        <source>Printed the receipt on {printer}.</source>
        <translation>Printed the receipt on {printer}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_printing.py" line="223"/>
        <source>The tickets could not be printed: {reason}.</source>
        <translation>The tickets could not be printed: {reason}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_printing.py" line="225"/>
        <source>The receipt could not be printed: {reason}.</source>
        <translation>The receipt could not be printed: {reason}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_printing.py" line="230"/>
        <source>The PDF is kept at:
{path}
Print it from there, or check the printer in Sale → Settings.</source>
        <translation>The PDF is kept at:
{path}
Print it from there, or check the printer in Sale → Settings.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sale_printing.py" line="236"/>
        <source>Printing failed</source>
        <translation>Printing failed</translation>
    </message>
</context>
<context>
    <name>SalesWindowDialog</name>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="33"/>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="45"/>
        <source>On sale from</source>
        <translation>On sale from</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="45"/>
        <source>at once</source>
        <translation>at once</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="46"/>
        <source>Off sale at</source>
        <translation>Off sale at</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="46"/>
        <source>the venue&apos;s default (Venue settings)</source>
        <translation>the venue&apos;s default (Venue settings)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="47"/>
        <source>Doors open at</source>
        <translation>Doors open at</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="47"/>
        <source>45 min before the start</source>
        <translation>45 min before the start</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="59"/>
        <source>Unticked: {empty}</source>
        <translation>Unticked: {empty}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="63"/>
        <source>(unticked: {empty})</source>
        <translation>(unticked: {empty})</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="66"/>
        <source>Sales paused (off sale) at every till and online</source>
        <translation>Sales paused (off sale) at every till and online</translation>
    </message>
    <message>
        <location filename="../../ui/manage/sales_window.py" line="75"/>
        <source>Times in {timezone}; the showtime starts {start}.</source>
        <translation>Times in {timezone}; the showtime starts {start}.</translation>
    </message>
</context>
<context>
    <name>ScanInput</name>
    <message>
        <location filename="../../ui/door/view.py" line="46"/>
        <source>Scan a ticket (or type its code and press Enter)</source>
        <translation>Scan a ticket (or type its code and press Enter)</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../ui/manage/schedule.py" line="71"/>
        <source>Schedule showtimes</source>
        <translation>Schedule showtimes</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="100"/>
        <source>e.g. 14:30, 19:30</source>
        <translation>e.g. 14:30, 19:30</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="103"/>
        <source>at once</source>
        <translation>at once</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="104"/>
        <source> days before</source>
        <translation> days before</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="108"/>
        <source>the venue&apos;s default (Venue settings)</source>
        <translation>the venue&apos;s default (Venue settings)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="109"/>
        <source> min after the start</source>
        <translation> min after the start</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="113"/>
        <source>default (45 min before)</source>
        <translation>default (45 min before)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="114"/>
        <source> min before</source>
        <translation> min before</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="116"/>
        <source>Full prices (price rules then adjust them)</source>
        <translation>Full prices (price rules then adjust them)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="120"/>
        <source>S&amp;how</source>
        <translation>S&amp;how</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="121"/>
        <source>Seating p&amp;lan</source>
        <translation>Seating p&amp;lan</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="124"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="127"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="128"/>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="129"/>
        <source>Start &amp;times</source>
        <translation>Start &amp;times</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="130"/>
        <source>On sale</source>
        <translation>On sale</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="131"/>
        <source>Off sale</source>
        <translation>Off sale</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="132"/>
        <source>Doors open</source>
        <translation>Doors open</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="145"/>
        <source>Fill in the series and press Preview (Ctrl+Return).</source>
        <translation>Fill in the series and press Preview (Ctrl+Return).</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="148"/>
        <source>&amp;Preview</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="151"/>
        <source>&amp;Create showtimes</source>
        <translation>&amp;Create showtimes</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="155"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="196"/>
        <source>{title} ({duration_minutes} min)</source>
        <translation>{title} ({duration_minutes} min)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="202"/>
        <source>{venue} · {name} (v{version})</source>
        <translation>{venue} · {name} (v{version})</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="205"/>
        <source>Add a show first (Manage → Shows).</source>
        <translation>Add a show first (Manage → Shows).</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="239"/>
        <source>Choose a show and a seating plan.</source>
        <translation>Choose a show and a seating plan.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="245"/>
        <source>Give a price for {name}.</source>
        <translation>Give a price for {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="267"/>
        <source>The form changed: Preview again before creating.</source>
        <translation>The form changed: Preview again before creating.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="279"/>
        <source>Working out the series…</source>
        <translation>Working out the series…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="293"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="294"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="295"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="296"/>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="298"/>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="299"/>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="308"/>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="310"/>
        <source>end</source>
        <translation>end</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/schedule.py" line="346"/>
        <source>%n showtime(s) of “{show}” at {venue}</source>
        <translation>
            <numerusform>%n showtime of “{show}” at {venue}</numerusform>
            <numerusform>%n showtimes of “{show}” at {venue}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="348"/>
        <source> — {bad} cannot be scheduled (red): change the dates or times.</source>
        <translation> — {bad} cannot be scheduled (red): change the dates or times.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="350"/>
        <source>. Ready to create.</source>
        <translation>. Ready to create.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="370"/>
        <source>Create showtimes</source>
        <translation>Create showtimes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/schedule.py" line="371"/>
        <source>Create %n showtime(s) of “{show}” and put them on sale as shown?</source>
        <translation>
            <numerusform>Create %n showtime of “{show}” and put them on sale as shown?</numerusform>
            <numerusform>Create %n showtimes of “{show}” and put them on sale as shown?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="376"/>
        <source>Creating showtimes…</source>
        <translation>Creating showtimes…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/schedule.py" line="391"/>
        <source>Created %n showtime(s). They are on sale as shown; change single prices in Manage → Prices.</source>
        <translation>
            <numerusform>Created %n showtime. It is on sale as shown; change single prices in Manage → Prices.</numerusform>
            <numerusform>Created %n showtimes. They are on sale as shown; change single prices in Manage → Prices.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeatLookup</name>
    <message>
        <location filename="../../ui/orders/view.py" line="144"/>
        <source>Find order</source>
        <translation>Find order</translation>
    </message>
</context>
<context>
    <name>SeatMapView</name>
    <message>
        <location filename="../../ui/seatmap/map_view.py" line="315"/>
        <source>Seat</source>
        <translation>Seat</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/map_view.py" line="317"/>
        <source>Row {row}</source>
        <translation>Row {row}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/map_view.py" line="318"/>
        <source>Seat {number}</source>
        <translation>Seat {number}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/map_view.py" line="320"/>
        <source>Wheelchair space</source>
        <translation>Wheelchair space</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/map_view.py" line="322"/>
        <source>No category</source>
        <translation>No category</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/map_view.py" line="324"/>
        <source>no price</source>
        <translation>no price</translation>
    </message>
</context>
<context>
    <name>SeatSearchDialog</name>
    <message>
        <location filename="../../ui/seatmap/search.py" line="117"/>
        <source>Row {row}</source>
        <translation>Row {row}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/search.py" line="122"/>
        <source>Seat {number}</source>
        <translation>Seat {number}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/search.py" line="132"/>
        <source>Find seat</source>
        <translation>Find seat</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/search.py" line="136"/>
        <source>Section, row, seat — e.g. 112 K 14</source>
        <translation>Section, row, seat — e.g. 112 K 14</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/search.py" line="170"/>
        <source>No such section, row or seat.</source>
        <translation>No such section, row or seat.</translation>
    </message>
</context>
<context>
    <name>SellScreen</name>
    <message>
        <location filename="../../ui/counter/sell.py" line="46"/>
        <source>{seat} is sold.</source>
        <translation>{seat} is sold.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="47"/>
        <source>{seat} is not for sale.</source>
        <translation>{seat} is not for sale.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="48"/>
        <source>{seat} is held at another till.</source>
        <translation>{seat} is held at another till.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="49"/>
        <source>{seat} is held by an online customer.</source>
        <translation>{seat} is held by an online customer.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="50"/>
        <source>{seat} is held at this till for another sale.</source>
        <translation>{seat} is held at this till for another sale.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/sell.py" line="302"/>
        <source>%n seat(s) left the basket.</source>
        <translation>
            <numerusform>%n seat left the basket.</numerusform>
            <numerusform>%n seats left the basket.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="164"/>
        <source>No showtimes from today on. Load demo data with `boxoffice demo`.</source>
        <translation>No showtimes from today on. Load demo data with `boxoffice demo`.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/sell.py" line="217"/>
        <source>{venue} · {when} · %n seat(s)</source>
        <translation>
            <numerusform>{venue} · {when} · %n seat</numerusform>
            <numerusform>{venue} · {when} · %n seats</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="223"/>
        <source>Opened {title} in {ms:.0f} ms</source>
        <translation>Opened {title} in {ms:.0f} ms</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="252"/>
        <source>No connection to the database: seats cannot be picked until it is back.</source>
        <translation>No connection to the database: seats cannot be picked until it is back.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="300"/>
        <source>Not available: {seats}. </source>
        <translation>Not available: {seats}. </translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="304"/>
        <source>Choose another seat.</source>
        <translation>Choose another seat.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="360"/>
        <source>That ticket type is not sold for {label}.</source>
        <translation>That ticket type is not sold for {label}.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="407"/>
        <source>Connection to the database restored; the seat map is up to date.</source>
        <translation>Connection to the database restored; the seat map is up to date.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell.py" line="422"/>
        <source>Lost the connection to the database; reconnecting…</source>
        <translation>Lost the connection to the database; reconnecting…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/counter/sell.py" line="444"/>
        <source>The hold on %n seat(s) expired; they were released.</source>
        <translation>
            <numerusform>The hold on %n seat expired; it was released.</numerusform>
            <numerusform>The hold on %n seats expired; they were released.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SellView</name>
    <message>
        <location filename="../../ui/counter/sell_view.py" line="60"/>
        <source>Block seats</source>
        <translation>Block seats</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell_view.py" line="64"/>
        <source>Block or release seats of this showtime (Ctrl+B)</source>
        <translation>Block or release seats of this showtime (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell_view.py" line="67"/>
        <source>Showtime</source>
        <translation>Showtime</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell_view.py" line="103"/>
        <source>Connection restored. Refreshing the seat map…</source>
        <translation>Connection restored. Refreshing the seat map…</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell_view.py" line="109"/>
        <source> (next try in {retry_in:.0f} s)</source>
        <translation> (next try in {retry_in:.0f} s)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/sell_view.py" line="114"/>
        <source>&lt;b&gt;No connection to the database.&lt;/b&gt; Reconnecting{wait}… Selling is paused: seats cannot be picked and nothing can be paid until it is back. The basket is kept and the map refreshes once the connection is back.</source>
        <translation>&lt;b&gt;No connection to the database.&lt;/b&gt; Reconnecting{wait}… Selling is paused: seats cannot be picked and nothing can be paid until it is back. The basket is kept and the map refreshes once the connection is back.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/shell/settings.py" line="50"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="57"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="58"/>
        <source>Till name</source>
        <translation>Till name</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="59"/>
        <source>Signed in to the database as</source>
        <translation>Signed in to the database as</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="60"/>
        <source>Encryption (TLS)</source>
        <translation>Encryption (TLS)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="61"/>
        <source>Server version</source>
        <translation>Server version</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="62"/>
        <source>Automatic backups</source>
        <translation>Automatic backups</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="70"/>
        <source>{title}:</source>
        <translation>{title}:</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="75"/>
        <source>daily and on closing, into {folder} (14 days kept)</source>
        <translation>daily and on closing, into {folder} (14 days kept)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="77"/>
        <source>kept on the central server (continuous archiving, docs/operations.md)</source>
        <translation>kept on the central server (continuous archiving, docs/operations.md)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="79"/>
        <source>Reading the connection…</source>
        <translation>Reading the connection…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="101"/>
        <source>{login} (database {database})</source>
        <translation>{login} (database {database})</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings.py" line="108"/>
        <source>Cannot read the connection: {error}</source>
        <translation>Cannot read the connection: {error}</translation>
    </message>
</context>
<context>
    <name>ShowsDialog</name>
    <message>
        <location filename="../../ui/manage/shows.py" line="39"/>
        <source>Shows</source>
        <translation>Shows</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="49"/>
        <source>New show</source>
        <translation>New show</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="61"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="65"/>
        <source>e.g. 12A, PG</source>
        <translation>e.g. 12A, PG</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="68"/>
        <location filename="../../ui/manage/shows.py" line="162"/>
        <location filename="../../ui/manage/shows.py" line="168"/>
        <location filename="../../ui/manage/shows.py" line="196"/>
        <location filename="../../ui/manage/shows.py" line="215"/>
        <location filename="../../ui/manage/shows.py" line="220"/>
        <source>No image</source>
        <translation>No image</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="73"/>
        <source>Choose image…</source>
        <translation>Choose image…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="75"/>
        <source>Remove image</source>
        <translation>Remove image</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="81"/>
        <source>PNG or JPEG,
at most {kib} KiB</source>
        <translation>PNG or JPEG,
at most {kib} KiB</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="88"/>
        <source>&amp;Title</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="89"/>
        <source>&amp;Running time</source>
        <translation>&amp;Running time</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="90"/>
        <source>R&amp;ating</source>
        <translation>R&amp;ating</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="91"/>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="92"/>
        <source>Poster</source>
        <translation>Poster</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="97"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="101"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="130"/>
        <source>{title}
{minutes} min</source>
        <translation>{title}
{minutes} min</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/manage/shows.py" line="133"/>
        <source>%n showtime(s)</source>
        <translation>
            <numerusform>%n showtime</numerusform>
            <numerusform>%n showtimes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="162"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="202"/>
        <source>Poster image</source>
        <translation>Poster image</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="202"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/shows.py" line="238"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="111"/>
        <source>Forgotten your password? An admin can set a new one. The PIN is optional: it lets you take this till back after Ctrl+L, during this shift only.</source>
        <translation>Forgotten your password? An admin can set a new one. The PIN is optional: it lets you take this till back after Ctrl+L, during this shift only.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="131"/>
        <source>Sign in · boxoffice</source>
        <translation>Sign in · boxoffice</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="132"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="134"/>
        <source>&lt;b&gt;Sign in to {till}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sign in to {till}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="137"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="138"/>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="139"/>
        <source>P&amp;IN for this shift</source>
        <translation>P&amp;IN for this shift</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="140"/>
        <source>optional: 4 to 8 digits, to switch back quickly</source>
        <translation>optional: 4 to 8 digits, to switch back quickly</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="147"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="161"/>
        <source>Type your name and password.</source>
        <translation>Type your name and password.</translation>
    </message>
</context>
<context>
    <name>StaffAccountsDialog</name>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="110"/>
        <source>Staff accounts · boxoffice</source>
        <translation>Staff accounts · boxoffice</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="120"/>
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="121"/>
        <source>Change &amp;role…</source>
        <translation>Change &amp;role…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="122"/>
        <source>Reset &amp;password…</source>
        <translation>Reset &amp;password…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="123"/>
        <location filename="../../ui/manage/staff_accounts.py" line="182"/>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Deactivate…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="131"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="149"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="150"/>
        <source>— (needs a new password)</source>
        <translation>— (needs a new password)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="157"/>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="157"/>
        <source>deactivated</source>
        <translation>deactivated</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="182"/>
        <source>Re&amp;activate</source>
        <translation>Re&amp;activate</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="202"/>
        <source>Add a staff account</source>
        <translation>Add a staff account</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="210"/>
        <source>Added {name}.</source>
        <translation>Added {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="220"/>
        <source>Change role</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="221"/>
        <source>Role of {display_name}:</source>
        <translation>Role of {display_name}:</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="230"/>
        <source>{name} is now {role} (from their next sign-in).</source>
        <translation>{name} is now {role} (from their next sign-in).</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="239"/>
        <source>New password for {display_name}</source>
        <translation>New password for {display_name}</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="245"/>
        <source>New password set for {name}.</source>
        <translation>New password set for {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="256"/>
        <source>Deactivate account</source>
        <translation>Deactivate account</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="258"/>
        <source>Deactivate {display_name} ({username})? They can no longer sign in, and a till where they are signed in stops working for them at once.</source>
        <translation>Deactivate {display_name} ({username})? They can no longer sign in, and a till where they are signed in stops working for them at once.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="269"/>
        <source>{name} reactivated.</source>
        <translation>{name} reactivated.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="269"/>
        <source>{name} deactivated.</source>
        <translation>{name} deactivated.</translation>
    </message>
</context>
<context>
    <name>StartupSplash</name>
    <message>
        <location filename="../../app.py" line="38"/>
        <source>Starting the database…</source>
        <translation>Starting the database…</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../ui/common/tasks.py" line="231"/>
        <source>Nobody is signed in at this till.</source>
        <translation>Nobody is signed in at this till.</translation>
    </message>
</context>
<context>
    <name>TicketTypesPanel</name>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="36"/>
        <location filename="../../ui/manage/ticket_types.py" line="55"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="36"/>
        <location filename="../../ui/manage/ticket_types.py" line="54"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="36"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="36"/>
        <source>Offered</source>
        <translation>Offered</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="42"/>
        <source>e.g. Student</source>
        <translation>e.g. Student</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="45"/>
        <source>offered (shown in price grids and rules)</source>
        <translation>offered (shown in price grids and rules)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="47"/>
        <source>Add as new type</source>
        <translation>Add as new type</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="50"/>
        <source>Save changes to the selected type</source>
        <translation>Save changes to the selected type</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="59"/>
        <source>A ticket type without a price is simply not sold. The full price is what the sell screen and the web charge.</source>
        <translation>A ticket type without a price is simply not sold. The full price is what the sell screen and the web charge.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="66"/>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../ui/manage/ticket_types.py" line="136"/>
        <source>Saved “{name}”.</source>
        <translation>Saved “{name}”.</translation>
    </message>
</context>
<context>
    <name>VenueSettingsDialog</name>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="53"/>
        <source>Venue settings</source>
        <translation>Venue settings</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="64"/>
        <source>Street and number
Postcode and town</source>
        <translation>Street and number
Postcode and town</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="83"/>
        <source> min after the start</source>
        <translation> min after the start</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="85"/>
        <source>A showtime goes off sale this long after it starts, unless its own sales window says otherwise.</source>
        <translation>A showtime goes off sale this long after it starts, unless its own sales window says otherwise.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="88"/>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="89"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="90"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="91"/>
        <source>Tax (VAT) number</source>
        <translation>Tax (VAT) number</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="92"/>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="93"/>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="94"/>
        <source>Locale (money and dates)</source>
        <translation>Locale (money and dates)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="95"/>
        <source>Off sale</source>
        <translation>Off sale</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="105"/>
        <source>Hall or screen name, e.g. Screen 2</source>
        <translation>Hall or screen name, e.g. Screen 2</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="106"/>
        <source>Add hall</source>
        <translation>Add hall</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="109"/>
        <source>Rename selected</source>
        <translation>Rename selected</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="118"/>
        <source>Each hall (auditorium, screen) has its own seating plans; two showtimes in one hall never overlap, in different halls they may.</source>
        <translation>Each hall (auditorium, screen) has its own seating plans; two showtimes in one hall never overlap, in different halls they may.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="135"/>
        <source>Halls</source>
        <translation>Halls</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="147"/>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="160"/>
        <source>There is no venue yet: import a seating plan first.</source>
        <translation>There is no venue yet: import a seating plan first.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="222"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="222"/>
        <source>Nothing changed.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="225"/>
        <location filename="../../ui/manage/venue_settings.py" line="260"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="232"/>
        <source>Type the new hall&apos;s name first.</source>
        <translation>Type the new hall&apos;s name first.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="239"/>
        <source>Hall “{name}” added.</source>
        <translation>Hall “{name}” added.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="245"/>
        <source>Select a hall and type its new name.</source>
        <translation>Select a hall and type its new name.</translation>
    </message>
    <message>
        <location filename="../../ui/manage/venue_settings.py" line="253"/>
        <source>Hall renamed to “{name}”.</source>
        <translation>Hall renamed to “{name}”.</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../ui/door/verdict.py" line="68"/>
        <source>Scan the next ticket</source>
        <translation>Scan the next ticket</translation>
    </message>
</context>
<context>
    <name>_GateDialog</name>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="84"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>_Splash</name>
    <message>
        <location filename="../../ui/door/app.py" line="223"/>
        <source>&lt;b&gt;boxoffice door&lt;/b&gt;</source>
        <translation>&lt;b&gt;boxoffice door&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>admission_conflicts</name>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="34"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="35"/>
        <source>Showtime</source>
        <translation>Showtime</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="36"/>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="37"/>
        <source>Let in offline</source>
        <translation>Let in offline</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="38"/>
        <source>But the database said</source>
        <translation>But the database said</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="39"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="43"/>
        <source>already admitted</source>
        <translation>already admitted</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="44"/>
        <source>void</source>
        <translation>void</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="45"/>
        <source>wrong showtime</source>
        <translation>wrong showtime</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="46"/>
        <source>not valid</source>
        <translation>not valid</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="59"/>
        <source> at {other_gate}, {local}</source>
        <translation> at {other_gate}, {local}</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="64"/>
        <source>ticket {ticket_id}</source>
        <translation>ticket {ticket_id}</translation>
    </message>
    <message>
        <location filename="../../ui/door/admission_conflicts.py" line="68"/>
        <source>{local} by {resolved_by}</source>
        <translation>{local} by {resolved_by}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../app.py" line="87"/>
        <source>embedded database</source>
        <translation>embedded database</translation>
    </message>
    <message>
        <location filename="../../app.py" line="89"/>
        <source>server: {url}</source>
        <translation>server: {url}</translation>
    </message>
    <message>
        <location filename="../../app.py" line="156"/>
        <source>boxoffice cannot start</source>
        <translation>boxoffice cannot start</translation>
    </message>
</context>
<context>
    <name>audit_log</name>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="44"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="45"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="46"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="47"/>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="48"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="49"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../ui/manage/audit_log.py" line="50"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>door_app</name>
    <message>
        <location filename="../../ui/door/app.py" line="123"/>
        <source>No showtime {ids}.</source>
        <translation>No showtime {ids}.</translation>
    </message>
    <message>
        <location filename="../../ui/door/app.py" line="165"/>
        <source>Door staff: sign in to scan tickets.</source>
        <translation>Door staff: sign in to scan tickets.</translation>
    </message>
    <message>
        <location filename="../../ui/door/app.py" line="166"/>
        <source>Door, manager and admin accounts may scan. Forgotten your password? An admin can set a new one.</source>
        <translation>Door, manager and admin accounts may scan. Forgotten your password? An admin can set a new one.</translation>
    </message>
    <message>
        <location filename="../../ui/door/app.py" line="198"/>
        <source>the database was unreachable at start</source>
        <translation>the database was unreachable at start</translation>
    </message>
    <message>
        <location filename="../../ui/door/app.py" line="208"/>
        <source>Gate {gate}</source>
        <translation>Gate {gate}</translation>
    </message>
    <message>
        <location filename="../../ui/door/app.py" line="210"/>
        <source>Signed in: {who}</source>
        <translation>Signed in: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/door/app.py" line="241"/>
        <source>Starting the database…</source>
        <translation>Starting the database…</translation>
    </message>
    <message>
        <location filename="../../ui/door/app.py" line="289"/>
        <source>boxoffice door cannot start</source>
        <translation>boxoffice door cannot start</translation>
    </message>
</context>
<context>
    <name>door_lookup</name>
    <message>
        <location filename="../../ui/door/lookup.py" line="34"/>
        <source>VOID ({status})</source>
        <translation>VOID ({status})</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="37"/>
        <source>inside since {time} ({gate})</source>
        <translation>inside since {time} ({gate})</translation>
    </message>
    <message>
        <location filename="../../ui/door/lookup.py" line="40"/>
        <source>not admitted</source>
        <translation>not admitted</translation>
    </message>
</context>
<context>
    <name>door_media</name>
    <message>
        <location filename="../../ui/door/media.py" line="46"/>
        <source>Camera and sounds need Qt Multimedia: pip install -e &apos;.[camera]&apos; (and the system&apos;s libpulse0) [{exc}]</source>
        <translation>Camera and sounds need Qt Multimedia: pip install -e &apos;.[camera]&apos; (and the system&apos;s libpulse0) [{exc}]</translation>
    </message>
</context>
<context>
    <name>door_verdict</name>
    <message>
        <location filename="../../ui/door/verdict.py" line="35"/>
        <source>ADMIT</source>
        <translation>ADMIT</translation>
    </message>
    <message>
        <location filename="../../ui/door/verdict.py" line="36"/>
        <source>ALREADY ADMITTED</source>
        <translation>ALREADY ADMITTED</translation>
    </message>
    <message>
        <location filename="../../ui/door/verdict.py" line="37"/>
        <source>WRONG SHOWTIME</source>
        <translation>WRONG SHOWTIME</translation>
    </message>
    <message>
        <location filename="../../ui/door/verdict.py" line="38"/>
        <source>VOID</source>
        <translation>VOID</translation>
    </message>
    <message>
        <location filename="../../ui/door/verdict.py" line="39"/>
        <source>NOT VALID</source>
        <translation>NOT VALID</translation>
    </message>
    <message>
        <location filename="../../ui/door/verdict.py" line="40"/>
        <source>TOO EARLY</source>
        <translation>TOO EARLY</translation>
    </message>
    <message>
        <location filename="../../ui/door/verdict.py" line="41"/>
        <source>EXIT OK</source>
        <translation>EXIT OK</translation>
    </message>
    <message>
        <location filename="../../ui/door/verdict.py" line="42"/>
        <source>NOT INSIDE</source>
        <translation>NOT INSIDE</translation>
    </message>
</context>
<context>
    <name>drawer</name>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="227"/>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../ui/drawer/dialogs.py" line="230"/>
        <source>Save &amp;PDF…</source>
        <translation>Save &amp;PDF…</translation>
    </message>
</context>
<context>
    <name>ga_areas</name>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="29"/>
        <source>sold out</source>
        <translation>sold out</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/ga_areas.py" line="30"/>
        <source>{available} left</source>
        <translation>{available} left</translation>
    </message>
</context>
<context>
    <name>live</name>
    <message>
        <location filename="../../ui/seatmap/live.py" line="87"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/live.py" line="90"/>
        <source> in {retry_in:.0f} s</source>
        <translation> in {retry_in:.0f} s</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/live.py" line="94"/>
        <source>Reconnecting{wait}…</source>
        <translation>Reconnecting{wait}…</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/live.py" line="97"/>
        <source>Reconnecting…</source>
        <translation>Reconnecting…</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/live.py" line="98"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/live.py" line="99"/>
        <source>Not live</source>
        <translation>Not live</translation>
    </message>
</context>
<context>
    <name>orders</name>
    <message>
        <location filename="../../ui/orders/exchange.py" line="34"/>
        <location filename="../../ui/orders/view.py" line="30"/>
        <source>Customer request</source>
        <translation>Customer request</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="15"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="16"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="17"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="18"/>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="19"/>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="20"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="23"/>
        <source>Seat</source>
        <translation>Seat</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="24"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="25"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="26"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="27"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="31"/>
        <source>Showtime cancelled</source>
        <translation>Showtime cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="32"/>
        <source>Sold in error</source>
        <translation>Sold in error</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="33"/>
        <source>Duplicate purchase</source>
        <translation>Duplicate purchase</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="36"/>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="37"/>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="38"/>
        <source>Online (web payment)</source>
        <translation>Online (web payment)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="39"/>
        <source>Exchange credit</source>
        <translation>Exchange credit</translation>
    </message>
</context>
<context>
    <name>plan_dialogs</name>
    <message>
        <location filename="../../ui/plan_editor/dialogs.py" line="28"/>
        <source>(choose later)</source>
        <translation>(choose later)</translation>
    </message>
</context>
<context>
    <name>plan_editor</name>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="29"/>
        <source>Wheelchair space</source>
        <translation>Wheelchair space</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="30"/>
        <source>Companion seat</source>
        <translation>Companion seat</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="31"/>
        <source>Restricted view</source>
        <translation>Restricted view</translation>
    </message>
    <message>
        <location filename="../../ui/plan_editor/window_view.py" line="32"/>
        <source>Not for sale</source>
        <translation>Not for sale</translation>
    </message>
</context>
<context>
    <name>price_rules</name>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="35"/>
        <source>Percentage (−20 = 20 % off)</source>
        <translation>Percentage (−20 = 20 % off)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="36"/>
        <source>Add an amount (−2.00 = 2.00 off)</source>
        <translation>Add an amount (−2.00 = 2.00 off)</translation>
    </message>
    <message>
        <location filename="../../ui/manage/price_rules.py" line="37"/>
        <source>Set the price to</source>
        <translation>Set the price to</translation>
    </message>
</context>
<context>
    <name>prices</name>
    <message>
        <location filename="../../ui/manage/prices.py" line="48"/>
        <source>{sold} sold</source>
        <translation>{sold} sold</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../../ui/common/printing.py" line="55"/>
        <source>Print tickets</source>
        <translation>Print tickets</translation>
    </message>
    <message>
        <location filename="../../ui/common/printing.py" line="93"/>
        <source>the document has no pages</source>
        <translation>the document has no pages</translation>
    </message>
    <message>
        <location filename="../../ui/common/printing.py" line="98"/>
        <source>the printer could not be started</source>
        <translation>the printer could not be started</translation>
    </message>
    <message>
        <location filename="../../ui/common/printing.py" line="132"/>
        <source>the printer “{name}” is not installed on this computer</source>
        <translation>the printer “{name}” is not installed on this computer</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../ui/reports/window.py" line="43"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="44"/>
        <source>Hour of the day</source>
        <translation>Hour of the day</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="45"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="46"/>
        <source>Showtime</source>
        <translation>Showtime</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="47"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="48"/>
        <source>Price category</source>
        <translation>Price category</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="49"/>
        <source>Ticket type</source>
        <translation>Ticket type</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="50"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="53"/>
        <source>cash</source>
        <translation>cash</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="54"/>
        <source>card</source>
        <translation>card</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="55"/>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="56"/>
        <source>complimentary</source>
        <translation>complimentary</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="57"/>
        <source>exchange credit</source>
        <translation>exchange credit</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../ui/common/i18n.py" line="32"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../ui/common/i18n.py" line="33"/>
        <source>Door</source>
        <translation>Door</translation>
    </message>
    <message>
        <location filename="../../ui/common/i18n.py" line="34"/>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../ui/common/i18n.py" line="35"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../ui/common/i18n.py" line="36"/>
        <source>System</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>schedule</name>
    <message>
        <location filename="../../ui/manage/schedule.py" line="44"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="45"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="46"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="47"/>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="48"/>
        <source>Prices</source>
        <translation>Prices</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="49"/>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location filename="../../ui/manage/schedule.py" line="50"/>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
</context>
<context>
    <name>seat_looks</name>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="36"/>
        <location filename="../../ui/seatmap/looks.py" line="45"/>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="37"/>
        <location filename="../../ui/seatmap/looks.py" line="95"/>
        <source>In this basket</source>
        <translation>In this basket</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="38"/>
        <source>Held at this till</source>
        <translation>Held at this till</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="39"/>
        <source>Held at another till</source>
        <translation>Held at another till</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="40"/>
        <location filename="../../ui/seatmap/looks.py" line="99"/>
        <source>Held online</source>
        <translation>Held online</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="41"/>
        <location filename="../../ui/seatmap/looks.py" line="46"/>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="42"/>
        <source>Blocked</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="47"/>
        <source>Blocked (not for sale)</source>
        <translation>Blocked (not for sale)</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="97"/>
        <source>Held at this till (another sale)</source>
        <translation>Held at this till (another sale)</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="101"/>
        <source>Held at till {till}</source>
        <translation>Held at till {till}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="104"/>
        <source>Held by {channel}</source>
        <translation>Held by {channel}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="106"/>
        <source>Held</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="109"/>
        <source>{text} until {until}</source>
        <translation>{text} until {until}</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/looks.py" line="285"/>
        <source>Wheelchair space</source>
        <translation>Wheelchair space</translation>
    </message>
</context>
<context>
    <name>seatmap</name>
    <message>
        <location filename="../../ui/seatmap/layers.py" line="70"/>
        <source>sold out</source>
        <translation>sold out</translation>
    </message>
    <message>
        <location filename="../../ui/seatmap/layers.py" line="71"/>
        <source>{count} free</source>
        <translation>{count} free</translation>
    </message>
</context>
<context>
    <name>staff_accounts</name>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="37"/>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="38"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="39"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="40"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="41"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/manage/staff_accounts.py" line="42"/>
        <source>Last sign-in</source>
        <translation>Last sign-in</translation>
    </message>
</context>
<context>
    <name>statuses</name>
    <message>
        <location filename="../../ui/common/i18n.py" line="183"/>
        <source>on sale</source>
        <translation>on sale</translation>
    </message>
    <message>
        <location filename="../../ui/common/i18n.py" line="184"/>
        <source>off sale</source>
        <translation>off sale</translation>
    </message>
    <message>
        <location filename="../../ui/common/i18n.py" line="185"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/common/i18n.py" line="186"/>
        <source>scheduled</source>
        <translation>scheduled</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <location filename="../../ui/common/tasks.py" line="272"/>
        <source>Something went wrong ({error_type}). Nothing was sold; please try again.</source>
        <translation>Something went wrong ({error_type}). Nothing was sold; please try again.</translation>
    </message>
</context>
</TS>
