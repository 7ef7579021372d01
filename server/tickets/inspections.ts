// The one place a ticket asks the inspections domain for something: an inspection of its linked asset.
import { createInspections } from '../inspections/create'
import type { InspectionMaker } from './service'

/** Creates the ticket's inspection (purpose citizen_report) through the inspections' createInspections. */
export const createTicketInspection: InspectionMaker = async (tx, user, provinceCode, r, requestId) => {
  const [id] = await createInspections(
    tx,
    user,
    provinceCode,
    [
      {
        assetKind: r.assetKind,
        assetId: r.assetId,
        purpose: 'citizen_report',
        inspectorId: r.inspectorId,
        dueOn: r.dueOn,
        ticketId: r.ticketId,
      },
    ],
    requestId,
  )
  return id!
}
